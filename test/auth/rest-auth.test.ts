import { test } from 'tap'
import { createSigner } from 'fast-jwt'
import { createClock } from '../../src/clock.js'
import { ACCEPTED_AUTH_FORMS, MockError } from '../../src/errors.js'
import { createTokenService } from '../../src/auth/tokens.js'
import {
  authenticateAuthorizationHeader, authenticateRequest,
  readAuthorizationHeader
} from '../../src/auth/rest-auth.js'

const API_KEY = 'sk_test_data_import_key'
const SUBJECT = 'kraken|organization:example-energy'
const UNSUPPORTED =
  `Unsupported Authorization header. Send ${ACCEPTED_AUTH_FORMS}.`

function setup () {
  const clock = createClock()
  clock.freeze(new Date('2024-08-20T12:00:00Z'))
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
    store: { saveRefreshToken: () => {}, findRefreshToken: () => undefined }
  })
  const { token, payload } = tokens.obtainToken({ APIKey: API_KEY })
  return { clock, tokens, jwt: token, payload }
}

function refusal (fn: () => unknown): MockError {
  try {
    fn()
  } catch (err) {
    if (err instanceof MockError) return err
    throw err
  }
  throw new Error('expected a MockError')
}

test('the bare JWT, "JWT <jwt>" and "Token <jwt>" all authenticate', t => {
  const { tokens, jwt } = setup()
  for (const header of [jwt, `JWT ${jwt}`, `Token ${jwt}`, `token  ${jwt} `]) {
    t.same(authenticateAuthorizationHeader(header, tokens),
      { kind: 'jwt', subject: SUBJECT })
  }
  t.end()
})

test('"Token <API key>" authenticates as the organisation', t => {
  const { tokens } = setup()
  t.same(authenticateAuthorizationHeader(`Token ${API_KEY}`, tokens),
    { kind: 'api-key', subject: SUBJECT })
  t.end()
})

test('a missing or blank header is not_authenticated', t => {
  const { tokens } = setup()
  for (const header of [undefined, '', '   ']) {
    const err = refusal(() => authenticateAuthorizationHeader(header, tokens))
    t.equal(err.statusCode, 401)
    t.same(err.headers, { 'www-authenticate': 'Token' })
    t.same(err.body, {
      detail: 'Authentication credentials were not provided.',
      code: 'not_authenticated'
    })
  }
  t.end()
})

test('a Bearer header is refused with the accepted forms listed', t => {
  const { tokens, jwt } = setup()
  const err = refusal(() =>
    authenticateAuthorizationHeader(`Bearer ${jwt}`, tokens))
  t.equal(err.statusCode, 401)
  t.same(err.headers, { 'www-authenticate': 'Token' })
  t.same(err.body, {
    detail: `The "Bearer" scheme is not accepted. ${UNSUPPORTED}`,
    code: 'authentication_failed'
  })
  t.end()
})

test('other schemes and bare keys are refused without echoing them', t => {
  const { tokens } = setup()
  for (const header of [`Basic ${API_KEY}`, API_KEY, `${API_KEY} x`]) {
    const err = refusal(() => authenticateAuthorizationHeader(header, tokens))
    t.same(err.body, { detail: UNSUPPORTED, code: 'authentication_failed' })
  }
  t.end()
})

test('an expired JWT is refused with a detail saying it expired', t => {
  const { clock, tokens, jwt } = setup()
  clock.advance(61 * 60_000)
  const err = refusal(() =>
    authenticateAuthorizationHeader(`JWT ${jwt}`, tokens))
  t.equal(err.statusCode, 401)
  t.same(err.body, {
    detail: 'The JWT has expired. Obtain a new one with the ' +
      'obtainKrakenToken mutation.',
    code: 'authentication_failed'
  })
  t.end()
})

test('a JWT signed with another secret is refused', t => {
  const { tokens, payload } = setup()
  const forged = createSigner({ key: 'another-secret-entirely' })(payload)
  const err = refusal(() => authenticateAuthorizationHeader(forged, tokens))
  t.same(err.body, {
    detail: 'Invalid JWT: its signature or claims could not be verified.',
    code: 'authentication_failed'
  })
  t.end()
})

test('an unknown key, or a key after "JWT", is refused', t => {
  const { tokens } = setup()
  const unknown = refusal(() =>
    authenticateAuthorizationHeader('Token sk_test_wrong', tokens))
  t.same(unknown.body, {
    detail: 'Invalid token: it is neither a valid JWT nor the API key.',
    code: 'authentication_failed'
  })
  const jwtScheme = refusal(() =>
    authenticateAuthorizationHeader(`JWT ${API_KEY}`, tokens))
  t.same(jwtScheme.body, {
    detail: 'Invalid JWT: the value is not a JWT.',
    code: 'authentication_failed'
  })
  t.end()
})

test('a keyword alone or a credential with spaces is refused', t => {
  const { tokens } = setup()
  const alone = refusal(() => authenticateAuthorizationHeader('Token', tokens))
  t.equal(alone.statusCode, 401)
  t.same(alone.body, {
    detail: 'Invalid Authorization header. No credentials provided.',
    code: 'authentication_failed'
  })
  const spaced = refusal(() =>
    authenticateAuthorizationHeader('Token abc def', tokens))
  t.same(spaced.body, {
    detail: 'Invalid Authorization header. The credential should not ' +
      'contain spaces.',
    code: 'authentication_failed'
  })
  t.end()
})

test('a request object is authenticated from its authorization header', t => {
  const { tokens, jwt } = setup()
  t.same(authenticateRequest({ headers: { authorization: jwt } }, tokens),
    { kind: 'jwt', subject: SUBJECT })
  t.throws(() => authenticateRequest({ headers: {} }, tokens), MockError)
  t.end()
})

test('reading a header tells expired apart from rejected', t => {
  const { clock, tokens, jwt } = setup()
  t.same(readAuthorizationHeader(undefined, tokens), { status: 'absent' })
  t.equal(readAuthorizationHeader('Bearer x', tokens).status, 'rejected')
  clock.advance(61 * 60_000)
  t.equal(readAuthorizationHeader(jwt, tokens).status, 'expired')
  t.end()
})
