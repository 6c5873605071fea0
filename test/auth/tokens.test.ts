import { test } from 'tap'
import { createDecoder, createSigner } from 'fast-jwt'
import { createClock } from '../../src/clock.js'
import type { RefreshTokenRecord } from '../../src/store/types.js'
import {
  createTokenService, DEFAULT_ISSUER, KrakenAuthError
} from '../../src/auth/tokens.js'

const SECRET = 'test-secret-that-is-long-enough'
// Well in the past, so a check that read wall time would see expired tokens.
const START = new Date('2024-08-20T12:00:00Z')
const T = START.getTime() / 1000
const MINUTE = 60_000

function setup () {
  const clock = createClock()
  clock.freeze(START)
  const saved = new Map<string, RefreshTokenRecord>()
  const tokens = createTokenService({
    clock,
    config: {
      jwtSecret: SECRET, tokenTtlSeconds: 3600, refreshTtlSeconds: 604_800
    },
    organisation: {
      name: 'Example Energy Ltd',
      apiKey: 'sk_test_data_import_key',
      secretKey: 'sk_test_organisation_secret'
    },
    users: [
      { email: 'ops@example.com', password: 'first-password' },
      { email: 'Migrations@Example.com', password: 'second-password' }
    ],
    store: {
      saveRefreshToken: record => { saved.set(record.token, record) },
      findRefreshToken: token => saved.get(token)
    }
  })
  return { clock, saved, tokens }
}

function failureOf (fn: () => unknown): KrakenAuthError {
  try {
    fn()
  } catch (err) {
    if (err instanceof KrakenAuthError) return err
    throw err
  }
  throw new Error('expected a KrakenAuthError')
}

test('an API key yields an HS256 token whose claims are the payload', t => {
  const { tokens } = setup()
  const result = tokens.obtainToken({ APIKey: 'sk_test_data_import_key' })
  const expected = {
    sub: 'kraken|organization:example-energy-ltd',
    gty: 'API-KEY',
    iss: DEFAULT_ISSUER,
    iat: T,
    exp: T + 3600,
    origIat: T,
    tokenUse: 'access'
  }
  t.same(result.payload, expected)
  t.equal(result.refreshExpiresIn, T + 604_800)
  t.match(result.refreshToken, /^[0-9a-f]{64}$/)

  const decoded = createDecoder({ complete: true })(result.token)
  t.same(decoded.header, { alg: 'HS256', typ: 'JWT' })
  t.same(decoded.payload, expected)
  t.end()
})

test('the organisation secret key yields a token with its own grant', t => {
  const { tokens } = setup()
  const result = tokens.obtainToken({
    organizationSecretKey: 'sk_test_organisation_secret'
  })
  t.equal(result.payload.sub, 'kraken|organization:example-energy-ltd')
  t.equal(result.payload.gty, 'ORGANIZATION-SECRET-KEY')
  t.end()
})

test('a seeded user signs in by email, whatever its case', t => {
  const { tokens } = setup()
  const result = tokens.obtainToken({
    email: 'migrations@example.com', password: 'second-password'
  })
  t.equal(result.payload.sub, 'kraken|account-user:2')
  t.equal(result.payload.gty, 'EMAIL-AND-PASSWORD')
  t.end()
})

test('a wrong credential is refused with KT-CT-1139 naming its input', t => {
  const { tokens } = setup()
  const cases = [
    [{ APIKey: 'sk_test_wrong' }, 'APIKey'],
    [{ organizationSecretKey: 'sk_test_data_import_key' },
      'organizationSecretKey'],
    [{ email: 'ops@example.com', password: 'second-password' }, 'email']
  ] as const
  for (const [input, field] of cases) {
    const err = failureOf(() => tokens.obtainToken(input))
    t.equal(err.errorCode, 'KT-CT-1139')
    t.equal(err.errorType, 'VALIDATION')
    t.equal(err.message, 'Invalid data.')
    t.equal(err.description, 'Authentication failed.')
    t.same(err.validationErrors,
      [{ message: 'Authentication failed.', inputPath: ['input', field] }])
  }
  t.end()
})

test('no credential, or more than one, is refused with KT-CT-1139', t => {
  const { tokens } = setup()
  const inputs = [
    {},
    { APIKey: null },
    { APIKey: 'sk_test_data_import_key', refreshToken: 'abc' },
    { APIKey: 'sk_test_data_import_key', email: 'ops@example.com' }
  ]
  for (const input of inputs) {
    const err = failureOf(() => tokens.obtainToken(input))
    t.equal(err.errorCode, 'KT-CT-1139')
    t.same(err.validationErrors?.map(e => e.inputPath), [['input']])
  }
  const noPassword = failureOf(() =>
    tokens.obtainToken({ email: 'ops@example.com' }))
  t.same(noPassword.validationErrors?.map(e => e.inputPath),
    [['input', 'password']])
  const noEmail = failureOf(() =>
    tokens.obtainToken({ password: 'first-password' }))
  t.same(noEmail.validationErrors?.map(e => e.inputPath), [['input', 'email']])
  t.end()
})

test('a refresh token renews the access token but keeps origIat', t => {
  const { clock, saved, tokens } = setup()
  const first = tokens.obtainToken({ APIKey: 'sk_test_data_import_key' })
  clock.advance(120 * MINUTE)

  const renewed = tokens.obtainToken({ refreshToken: first.refreshToken })
  t.same(renewed.payload, {
    ...first.payload, iat: T + 7200, exp: T + 7200 + 3600, origIat: T
  })
  t.equal(renewed.refreshToken, first.refreshToken)
  t.equal(renewed.refreshExpiresIn, T + 604_800)
  t.equal(saved.size, 1)
  t.end()
})

test('the store holds a digest of each refresh token, not the token', t => {
  const { saved, tokens } = setup()
  const { refreshToken } = tokens.obtainToken({
    APIKey: 'sk_test_data_import_key'
  })
  const [record] = [...saved.values()]
  t.not(record?.token, refreshToken)
  t.match(record, { expiresAt: T + 604_800, origIat: T, grantType: 'API-KEY' })
  t.end()
})

test('an unknown refresh token is refused with KT-CT-1135', t => {
  const { tokens } = setup()
  const err = failureOf(() => tokens.obtainToken({ refreshToken: 'nope' }))
  t.equal(err.errorCode, 'KT-CT-1135')
  t.equal(err.errorType, 'VALIDATION')
  t.end()
})

test('a refresh token is refused with KT-CT-1134 after seven days', t => {
  const { clock, tokens } = setup()
  const { refreshToken } = tokens.obtainToken({
    APIKey: 'sk_test_data_import_key'
  })
  clock.advance(7 * 24 * 60 * MINUTE - 1000)
  t.equal(tokens.obtainToken({ refreshToken }).payload.origIat, T)

  clock.advance(1000)
  const err = failureOf(() => tokens.obtainToken({ refreshToken }))
  t.equal(err.errorCode, 'KT-CT-1134')
  t.equal(err.errorType, 'VALIDATION')
  t.end()
})

test('an access token lasts 60 minutes on the mock clock', t => {
  const { clock, tokens } = setup()
  const { token, payload } = tokens.obtainToken({
    APIKey: 'sk_test_data_import_key'
  })
  t.same(tokens.verifyAccessToken(token), { ok: true, claims: payload })

  clock.advance(60 * MINUTE)
  t.equal(tokens.verifyAccessToken(token).ok, true)
  clock.advance(MINUTE)
  t.same(tokens.verifyAccessToken(token), { ok: false, reason: 'expired' })
  t.end()
})

test('a forged, tampered or malformed token is invalid', t => {
  const { tokens } = setup()
  const { token, payload } = tokens.obtainToken({
    APIKey: 'sk_test_data_import_key'
  })
  const forged = createSigner({ key: 'another-secret-entirely' })(payload)
  const [head, , signature] = token.split('.')
  const body = Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' }))
    .toString('base64url')
  const notAccess = createSigner({ key: SECRET })({
    ...payload, tokenUse: 'refresh'
  })

  for (const value of [forged, `${head}.${body}.${signature}`, notAccess,
    'not-a-jwt', '']) {
    t.same(tokens.verifyAccessToken(value), { ok: false, reason: 'invalid' })
  }
  t.end()
})

test('isApiKey accepts only the organisation API key', t => {
  const { tokens } = setup()
  t.equal(tokens.isApiKey('sk_test_data_import_key'), true)
  t.equal(tokens.isApiKey('sk_test_data_import_ke'), false)
  t.equal(tokens.isApiKey('sk_test_organisation_secret'), false)
  t.equal(tokens.isApiKey(''), false)
  t.end()
})

test('a token verified before is still refused once it has expired', t => {
  const { clock, tokens } = setup()
  const { token } = tokens.obtainToken({ APIKey: 'sk_test_data_import_key' })
  t.equal(tokens.verifyAccessToken(token).ok, true)
  clock.advance(60 * MINUTE + 1000)
  t.same(tokens.verifyAccessToken(token), { ok: false, reason: 'expired' })
  // A copy with one character of the signature changed is another text.
  const forged = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA')
  t.same(tokens.verifyAccessToken(forged), { ok: false, reason: 'invalid' })
  t.end()
})
