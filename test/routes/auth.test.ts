import { test } from 'tap'
import { buildTestApp, obtainToken } from '../helpers/app.js'

const STATUS = '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/X-1/'

test('a data-import route without a credential is a 401', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: STATUS })
  t.equal(res.statusCode, 401)
  t.equal(res.headers['www-authenticate'], 'Token')
  t.same(res.json(), {
    detail: 'Authentication credentials were not provided.',
    code: 'not_authenticated'
  })
})

test('every accepted Authorization form reaches the route', async t => {
  const app = await buildTestApp(t)
  const jwt = await obtainToken(app)
  for (const value of [jwt, `JWT ${jwt}`, `Token ${jwt}`, 'Token test-api-key']) {
    const res = await app.inject({
      method: 'GET', url: STATUS, headers: { authorization: value }
    })
    t.equal(res.statusCode, 404, value.slice(0, 12))
  }
})

test('a Bearer header or a wrong key is refused before any lookup',
  async t => {
    const app = await buildTestApp(t)
    const jwt = await obtainToken(app)
    for (const value of [`Bearer ${jwt}`, 'Token wrong-key', 'JWT a.b.c']) {
      const res = await app.inject({
        method: 'GET', url: STATUS, headers: { authorization: value }
      })
      t.equal(res.statusCode, 401)
      t.equal(res.json().code, 'authentication_failed')
    }
  })

test('a token expires after its lifetime on the mock clock', async t => {
  const app = await buildTestApp(t)
  const jwt = await obtainToken(app)
  app.clock.advance(61 * 60 * 1000)
  const res = await app.inject({
    method: 'GET', url: STATUS, headers: { authorization: `JWT ${jwt}` }
  })
  t.equal(res.statusCode, 401)
  t.equal(res.json().code, 'authentication_failed')
  t.match(res.json().detail, /expired/)
})

test('a wrong API key gets KT-CT-1139 from obtainKrakenToken', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: {
      query: 'mutation { obtainKrakenToken(input: {APIKey: "nope"}) { token } }'
    }
  })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.data.obtainKrakenToken, null)
  t.equal(body.errors[0].extensions.errorCode, 'KT-CT-1139')
  t.equal(body.errors[0].extensions.errorType, 'VALIDATION')
})
