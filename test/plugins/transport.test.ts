import { test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'

const VALIDATE = '/v1/data-import/validate-account/'
const auth = { authorization: 'Token test-api-key' }

test('a path without its trailing slash redirects to the slash form',
  async t => {
    const app = await buildTestApp(t)
    const res = await app.inject({
      method: 'POST',
      url: '/v1/data-import/validate-account?x=1',
      headers: auth,
      payload: {}
    })
    t.equal(res.statusCode, 301)
    t.equal(res.headers.location, '/v1/data-import/validate-account/?x=1')
  })

test('a wrong method is a JSON 405 naming the allowed ones', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: VALIDATE, headers: auth })
  t.equal(res.statusCode, 405)
  t.equal(res.headers.allow, 'POST')
  t.same(res.json(), {
    detail: 'Method "GET" not allowed.', code: 'method_not_allowed'
  })
})

test('an unknown route is a JSON 404', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/v1/data-import/nope/' })
  t.equal(res.statusCode, 404)
  t.same(res.json(), { detail: 'Not found.', code: 'not_found' })
})

test('a media type other than JSON is a 415', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: VALIDATE,
    headers: { ...auth, 'content-type': 'text/plain' },
    payload: 'hello'
  })
  t.equal(res.statusCode, 415)
  t.same(res.json(), {
    detail: 'Unsupported media type "text/plain" in request.',
    code: 'unsupported_media_type'
  })
})

test('JSON with a charset parameter is accepted', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: VALIDATE,
    headers: { ...auth, 'content-type': 'application/json; charset=utf-8' },
    payload: JSON.stringify(exampleAccount())
  })
  t.equal(res.statusCode, 200)
  t.equal(res.json().import_supplier, 'TENTACLE_ENERGY')
})

test('broken JSON, NaN and a byte-order mark are parse errors', async t => {
  const app = await buildTestApp(t)
  for (const body of ['{"a": ', '{"a": NaN}', '\ufeff{}']) {
    const res = await app.inject({
      method: 'POST',
      url: VALIDATE,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: body
    })
    t.equal(res.statusCode, 400, body)
    t.equal(res.json().code, 'parse_error', body)
    t.match(res.json().detail, /^JSON parse error - /)
  }
})

test('a duplicated key keeps its last value', async t => {
  const app = await buildTestApp(t)
  // The account's JSON text with a first, refused supplier code in front.
  const text = JSON.stringify(exampleAccount())
    .replace('{', '{"import_supplier": "NOPE", ')
  const res = await app.inject({
    method: 'POST',
    url: VALIDATE,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: text
  })
  t.equal(res.statusCode, 200)
  t.equal(res.json().import_supplier, 'TENTACLE_ENERGY')
})

test('a body over the limit is a 413 and the server keeps serving',
  async t => {
    const app = await buildTestApp(t, {
      env: { MOCK_BODY_LIMIT_BYTES: '2048' }
    })
    const res = await app.inject({
      method: 'POST',
      url: VALIDATE,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ billing_name: 'x'.repeat(4096) })
    })
    t.equal(res.statusCode, 413)
    t.same(res.json(), {
      detail: 'Request body is larger than 2048 bytes.',
      code: 'request_too_large'
    })
    const after = await app.inject({ method: 'GET', url: '/_mock/health' })
    t.equal(after.statusCode, 200)
  })

test('every response carries a request id, echoing the caller\'s',
  async t => {
    const app = await buildTestApp(t)
    const res = await app.inject({
      method: 'GET', url: '/_mock/health', headers: { 'x-request-id': 'abc-1' }
    })
    t.equal(res.headers['x-request-id'], 'abc-1')
    const fresh = await app.inject({ method: 'GET', url: '/_mock/health' })
    t.match(fresh.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  })

test('error answers carry the request id too', async t => {
  const app = await buildTestApp(t)
  const json = { 'content-type': 'application/json' }
  const answers = [
    // Refused before routing: a path that is not percent-encoding.
    await app.inject({ method: 'GET', url: '/v1/%E0%A4%A', headers: { 'x-request-id': 'r-1' } }),
    // No such route.
    await app.inject({ method: 'GET', url: '/v1/nowhere/', headers: { 'x-request-id': 'r-2' } }),
    // No credentials.
    await app.inject({ method: 'POST', url: VALIDATE, headers: { ...json, 'x-request-id': 'r-3' }, payload: '{}' }),
    // Broken JSON.
    await app.inject({ method: 'POST', url: VALIDATE, headers: { ...auth, ...json, 'x-request-id': 'r-4' }, payload: '{' }),
    // Not JSON at all.
    await app.inject({ method: 'POST', url: VALIDATE, headers: { ...auth, 'content-type': 'text/plain', 'x-request-id': 'r-5' }, payload: 'x' }),
    // A payload that fails validation.
    await app.inject({ method: 'POST', url: VALIDATE, headers: { ...auth, ...json, 'x-request-id': 'r-6' }, payload: '{}' })
  ]
  t.same(answers.map(res => [res.statusCode, res.headers['x-request-id']]), [
    [404, 'r-1'], [404, 'r-2'], [401, 'r-3'], [400, 'r-4'], [415, 'r-5'],
    [400, 'r-6']
  ])
})
