// Serves obtainKrakenToken: checks one credential, issues Kraken-style JWTs.
// Kraken's refresh tokens are opaque and looked up server-side, so only a
// digest of each goes to the store (a state export never holds a live one).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createSigner, createVerifier } from 'fast-jwt'
import type { Clock } from '../clock.js'
import { textMemo } from '../lib/text-memo.js'
import type { Config } from '../config.js'
import type { SeedOrganisation, SeedUser } from '../seed/types.js'
import type { Store } from '../store/types.js'
import {
  credentialMissing, EXACTLY_ONE, invalidCredential, refreshTokenExpired,
  refreshTokenUnknown
} from './token-errors.js'

export { KrakenAuthError } from './token-errors.js'

// Kraken puts its own GraphQL address in `iss`. The mock names itself, so
// its tokens are never mistaken for ones from a real Kraken instance.
export const DEFAULT_ISSUER = 'kraken-data-import-mock'

export interface TokenClaims {
  sub: string
  gty: string
  iss: string
  iat: number
  exp: number
  origIat: number
  tokenUse: 'access'
}

export interface ObtainTokenInput {
  APIKey?: string | null
  organizationSecretKey?: string | null
  refreshToken?: string | null
  email?: string | null
  password?: string | null
}

export interface ObtainTokenResult {
  token: string
  payload: TokenClaims
  refreshToken: string
  refreshExpiresIn: number
}

export type VerifyResult =
  | { ok: true, claims: TokenClaims }
  | { ok: false, reason: 'expired' | 'invalid' }

export interface TokenServiceDeps {
  clock: Clock
  config: Pick<Config, 'jwtSecret' | 'tokenTtlSeconds' | 'refreshTtlSeconds'>
  organisation: SeedOrganisation
  users: SeedUser[]
  store: Pick<Store, 'saveRefreshToken' | 'findRefreshToken'>
  issuer?: string
}

export interface TokenService {
  obtainToken(input: ObtainTokenInput): ObtainTokenResult
  verifyAccessToken(jwt: string): VerifyResult
  isApiKey(value: string): boolean
  // The subject a request authenticated by `Token <API key>` acts as.
  readonly apiKeySubject: string
}

interface Grant { subject: string, grantType: string }

const KEY_FIELDS = ['APIKey', 'organizationSecretKey', 'refreshToken'] as const

type Credential =
  | { field: typeof KEY_FIELDS[number], value: string }
  | { field: 'email', email: string, password: string }

const CLAIMS = ['sub', 'gty', 'iss', 'iat', 'exp', 'origIat', 'tokenUse']

function digest (value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

// Comparing digests keeps the time taken independent of where, or whether
// the lengths, differ.
function sameSecret (given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

function slugify (name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function present (value: string | null | undefined): value is string {
  return value !== undefined && value !== null
}

function pickCredential (input: ObtainTokenInput): Credential {
  const keys = KEY_FIELDS.flatMap(field => {
    const value = input[field]
    return present(value) ? [{ field, value }] : []
  })
  const byEmail = present(input.email) || present(input.password)
  if (keys.length + (byEmail ? 1 : 0) !== 1) {
    throw credentialMissing(['input'], EXACTLY_ONE)
  }

  const [key] = keys
  if (key !== undefined) return key
  if (!present(input.email)) {
    throw credentialMissing(['input', 'email'],
      'Give an email with the password.')
  }
  if (!present(input.password)) {
    throw credentialMissing(['input', 'password'],
      'Give a password with the email.')
  }
  return { field: 'email', email: input.email, password: input.password }
}

export function createTokenService (deps: TokenServiceDeps): TokenService {
  const { clock, config, organisation, users, store } = deps
  const issuer = deps.issuer ?? DEFAULT_ISSUER
  const organisationSubject =
    `kraken|organization:${slugify(organisation.name)}`
  const sign = createSigner({ key: config.jwtSecret, algorithm: 'HS256' })

  function nowSeconds (): number {
    return Math.floor(clock.nowMs() / 1000)
  }

  // iat and exp travel in the payload, so the signer never reads wall time.
  function issueAccessToken (grant: Grant, origIat: number) {
    const iat = nowSeconds()
    const payload: TokenClaims = {
      sub: grant.subject,
      gty: grant.grantType,
      iss: issuer,
      iat,
      exp: iat + config.tokenTtlSeconds,
      origIat,
      tokenUse: 'access'
    }
    return { token: sign(payload), payload }
  }

  function authenticate (credential: Credential): Grant {
    if (credential.field === 'email') {
      const email = credential.email.toLowerCase()
      const index = users.findIndex(user =>
        user.email.toLowerCase() === email &&
        sameSecret(credential.password, user.password))
      if (index === -1) throw invalidCredential('email')
      return {
        subject: `kraken|account-user:${index + 1}`,
        grantType: 'EMAIL-AND-PASSWORD'
      }
    }
    if (credential.field === 'APIKey') {
      if (!isApiKey(credential.value)) throw invalidCredential('APIKey')
      return { subject: organisationSubject, grantType: 'API-KEY' }
    }
    if (!sameSecret(credential.value, organisation.secretKey)) {
      throw invalidCredential('organizationSecretKey')
    }
    return {
      subject: organisationSubject,
      grantType: 'ORGANIZATION-SECRET-KEY'
    }
  }

  // A refresh keeps the original grant, origIat and refresh expiry: Kraken
  // asks clients to sign in again once the refresh token itself runs out.
  function refresh (refreshToken: string): ObtainTokenResult {
    const record = store.findRefreshToken(digest(refreshToken).toString('hex'))
    if (record === undefined) throw refreshTokenUnknown()
    if (clock.nowMs() >= record.expiresAt * 1000) throw refreshTokenExpired()

    const grant = { subject: record.subject, grantType: record.grantType }
    return {
      ...issueAccessToken(grant, record.origIat),
      refreshToken,
      refreshExpiresIn: record.expiresAt
    }
  }

  function obtainToken (input: ObtainTokenInput): ObtainTokenResult {
    const credential = pickCredential(input)
    if (credential.field === 'refreshToken') return refresh(credential.value)

    const grant = authenticate(credential)
    const origIat = nowSeconds()
    const refreshToken = randomBytes(32).toString('hex')
    const refreshExpiresIn = origIat + config.refreshTtlSeconds
    store.saveRefreshToken({
      token: digest(refreshToken).toString('hex'),
      subject: grant.subject,
      grantType: grant.grantType,
      expiresAt: refreshExpiresIn,
      origIat
    })
    return {
      ...issueAccessToken(grant, origIat),
      refreshToken,
      refreshExpiresIn
    }
  }

  // One verifier for the signature and claims; expiry is compared with the
  // mock clock here, as fast-jwt would compare it with wall time.
  const verify = createVerifier({
    key: config.jwtSecret,
    algorithms: ['HS256'],
    allowedIss: issuer,
    requiredClaims: CLAIMS,
    ignoreExpiration: true,
    ignoreNotBefore: true
  })

  // Pipelines send the same token with every request: the signature check
  // of each text is kept (the secret never changes while the mock runs).
  // Expiry is still compared with the clock on every request.
  const verifiedClaims = textMemo(1000, (jwt): TokenClaims | undefined => {
    try {
      return verify(jwt) as TokenClaims
    } catch {
      return undefined
    }
  })

  function verifyAccessToken (jwt: string): VerifyResult {
    const claims = verifiedClaims(jwt)
    if (claims === undefined || claims.tokenUse !== 'access') {
      return { ok: false, reason: 'invalid' }
    }
    if (Math.floor(clock.nowMs() / 1000) > claims.exp) {
      return { ok: false, reason: 'expired' }
    }
    return { ok: true, claims }
  }

  function isApiKey (value: string): boolean {
    return sameSecret(value, organisation.apiKey)
  }

  return {
    obtainToken,
    verifyAccessToken,
    isApiKey,
    apiKeySubject: organisationSubject
  }
}
