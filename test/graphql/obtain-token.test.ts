import { test, type Test } from 'tap'
import Fastify from 'fastify'
import { createClock } from '../../src/clock.js'
import type { RefreshTokenRecord } from '../../src/store/types.js'
import { createTokenService, DEFAULT_ISSUER } from '../../src/auth/tokens.js'
import { graphqlPlugin } from '../../src/graphql/plugin.js'

const API_KEY = 'sk_test_data_import_key'
const START = new Date('2024-08-20T12:00:00Z')
const T = START.getTime() / 1000
const MINUTE = 60_000

const OBTAIN = `mutation Obtain($input: ObtainJSONWebTokenInput!) {
  obtainKrakenToken(input: $input) {
    token payload refreshToken refreshExpiresIn
  }
}`

async function buildApp (t: Test) {
  const clock = createClock()
  clock.freeze(START)
  const saved = new Map<string, RefreshTokenRecord>()
  const tokens = createTokenService({
    clock,
    config: {
      jwtSecret: 'test-secret-that-is-long-enough',
      tokenTtlSeconds: 3600,
      refreshTtlSeconds: 604_800
    },
    organisation: {
      name: 'Example Energy', apiKey: API_KEY, secretKey: 'sk_test_secret'
    },
    users: [],
    store: {
      saveRefreshToken: record => { saved.set(record.token, record) },
      findRefreshToken: token => saved.get(token)
    }
  })
  const app = Fastify()
  await app.register(graphqlPlugin, { tokens, version: '0.1.0-test' })
  t.teardown(() => app.close())

  async function post (query: string, variables: object = {},
    authorization?: string) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/graphql/',
      headers: authorization === undefined ? {} : { authorization },
      payload: { query, variables }
    })
    return { statusCode: response.statusCode, body: response.json() }
  }
  const obtain = (input: object, authorization?: string) =>
    post(OBTAIN, { input }, authorization)
  return { clock, post, obtain }
}

function extensionsOf (body: { errors?: Array<{ extensions: unknown }> }) {
  return body.errors?.map(error => error.extensions)
}

test('the API key answers a token, its claims and an absolute expiry',
  async t => {
    const { obtain } = await buildApp(t)
    const { statusCode, body } = await obtain({ APIKey: API_KEY })
    t.equal(statusCode, 200)
    t.equal(body.errors, undefined)

    const result = body.data.obtainKrakenToken
    t.same(result.payload, {
      sub: 'kraken|organization:example-energy',
      gty: 'API-KEY',
      iss: DEFAULT_ISSUER,
      iat: T,
      exp: T + 3600,
      origIat: T,
      tokenUse: 'access'
    })
    t.equal(result.refreshExpiresIn, result.payload.iat + 604_800)
    t.match(result.token, /^[\w-]+\.[\w-]+\.[\w-]+$/)
    t.match(result.refreshToken, /^[0-9a-f]{64}$/)
  })

test('a wrong API key answers 200 with KT-CT-1139 and the input path',
  async t => {
    const { obtain } = await buildApp(t)
    const { statusCode, body } = await obtain({ APIKey: 'sk_test_wrong' })
    t.equal(statusCode, 200)
    t.same(body.data, { obtainKrakenToken: null })
    t.match(body.errors,
      [{ message: 'Invalid data.', path: ['obtainKrakenToken'] }])
    t.same(extensionsOf(body), [{
      errorType: 'VALIDATION',
      errorCode: 'KT-CT-1139',
      errorDescription: 'Authentication failed.',
      validationErrors: [
        { message: 'Authentication failed.', inputPath: ['input', 'APIKey'] }
      ]
    }])
  })

test('no credential at all answers KT-CT-1139 naming the input', async t => {
  const { obtain } = await buildApp(t)
  const { body } = await obtain({})
  t.same(body.data, { obtainKrakenToken: null })
  t.match(extensionsOf(body), [{
    errorCode: 'KT-CT-1139',
    validationErrors: [{ inputPath: ['input'] }]
  }])
})

test('a refresh token renews the token until seven days have passed',
  async t => {
    const { clock, obtain } = await buildApp(t)
    const first = (await obtain({ APIKey: API_KEY })).body.data
      .obtainKrakenToken
    clock.advance(24 * 60 * MINUTE)
    const renewed = (await obtain({ refreshToken: first.refreshToken })).body
      .data.obtainKrakenToken
    t.equal(renewed.payload.iat, T + 86_400)
    t.equal(renewed.payload.origIat, T)
    t.equal(renewed.refreshExpiresIn, first.refreshExpiresIn)

    clock.advance(6 * 24 * 60 * MINUTE + MINUTE)
    const { statusCode, body } = await obtain({
      refreshToken: first.refreshToken
    })
    t.equal(statusCode, 200)
    t.same(body.data, { obtainKrakenToken: null })
    t.match(extensionsOf(body),
      [{ errorType: 'VALIDATION', errorCode: 'KT-CT-1134' }])
  })

test('an unknown refresh token answers KT-CT-1135', async t => {
  const { obtain } = await buildApp(t)
  const { body } = await obtain({ refreshToken: 'f00d' })
  t.same(body.data, { obtainKrakenToken: null })
  t.match(extensionsOf(body), [{ errorCode: 'KT-CT-1135' }])
})

test('a valid JWT in the Authorization header is accepted', async t => {
  const { obtain, post } = await buildApp(t)
  const { token } = (await obtain({ APIKey: API_KEY })).body.data
    .obtainKrakenToken
  const { statusCode, body } = await post('{ mockVersion }', {}, token)
  t.equal(statusCode, 200)
  t.same(body, { data: { mockVersion: '0.1.0-test' } })
})

test('an expired JWT in the header fails the request with KT-CT-1124',
  async t => {
    const { clock, obtain, post } = await buildApp(t)
    const { token } = (await obtain({ APIKey: API_KEY })).body.data
      .obtainKrakenToken
    clock.advance(61 * MINUTE)

    const query = await post('{ mockVersion }', {}, `JWT ${token}`)
    t.equal(query.statusCode, 200)
    t.same(query.body.data, { mockVersion: null })
    t.same(extensionsOf(query.body), [{
      errorType: 'AUTHORIZATION',
      errorCode: 'KT-CT-1124',
      errorDescription: 'The JWT in the Authorization header has expired. ' +
        'Obtain a new one with obtainKrakenToken, without sending the ' +
        'expired one.'
    }])

    const mutation = await obtain({ APIKey: API_KEY }, `JWT ${token}`)
    t.same(mutation.body.data, { obtainKrakenToken: null })
    t.match(extensionsOf(mutation.body), [{ errorCode: 'KT-CT-1124' }])
  })

test('an unrecognisable header answers KT-CT-1143', async t => {
  const { obtain } = await buildApp(t)
  for (const header of ['Bearer abc.def.ghi', 'Token sk_test_wrong', 'junk']) {
    const { statusCode, body } = await obtain({ APIKey: API_KEY }, header)
    t.equal(statusCode, 200)
    t.same(body.data, { obtainKrakenToken: null })
    t.match(extensionsOf(body),
      [{ errorType: 'AUTHORIZATION', errorCode: 'KT-CT-1143' }])
  }
})
