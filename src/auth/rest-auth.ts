// Reads the Authorization header of data-import requests. Pure: the route
// layer calls it first, before any lookup, so an unauthenticated caller
// never learns whether an account exists.
import {
  ACCEPTED_AUTH_FORMS, authenticationFailed, notAuthenticated
} from '../errors.js'
import type { TokenService } from './tokens.js'

export interface Principal {
  kind: 'jwt' | 'api-key'
  subject: string
}

export type HeaderTokens =
  Pick<TokenService, 'verifyAccessToken' | 'isApiKey' | 'apiKeySubject'>

// What a header amounts to, before any transport decides how to refuse it:
// REST answers DRF's 401 bodies, GraphQL answers Kraken's error codes.
export type HeaderReading =
  | { status: 'absent' }
  | { status: 'accepted', principal: Principal }
  | { status: 'expired', detail: string }
  | { status: 'rejected', detail: string }

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/

const EXPIRED_DETAIL = 'The JWT has expired. Obtain a new one with the ' +
  'obtainKrakenToken mutation.'

const UNSUPPORTED_DETAIL =
  `Unsupported Authorization header. Send ${ACCEPTED_AUTH_FORMS}.`

function readJwt (jwt: string, tokens: HeaderTokens): HeaderReading {
  const result = tokens.verifyAccessToken(jwt)
  if (result.ok) {
    return {
      status: 'accepted',
      principal: { kind: 'jwt', subject: result.claims.sub }
    }
  }
  if (result.reason === 'expired') {
    return { status: 'expired', detail: EXPIRED_DETAIL }
  }
  return {
    status: 'rejected',
    detail: 'Invalid JWT: its signature or claims could not be verified.'
  }
}

// The credential itself is never echoed in a detail: it may be a secret.
export function readAuthorizationHeader (header: string | undefined,
  tokens: HeaderTokens): HeaderReading {
  const parts = (header ?? '').trim().split(/\s+/).filter(p => p !== '')
  const [first, second, ...rest] = parts
  if (first === undefined) return { status: 'absent' }

  if (second === undefined) {
    if (JWT_SHAPE.test(first)) return readJwt(first, tokens)
    const detail = /^(jwt|token)$/i.test(first)
      ? 'Invalid Authorization header. No credentials provided.'
      : UNSUPPORTED_DETAIL
    return { status: 'rejected', detail }
  }

  // DRF compares the keyword case-insensitively.
  const scheme = first.toLowerCase()
  if (scheme !== 'jwt' && scheme !== 'token') {
    // Bearer is the usual mistake, so it is worth naming; other schemes
    // might be a pasted secret.
    const detail = scheme === 'bearer'
      ? `The "Bearer" scheme is not accepted. ${UNSUPPORTED_DETAIL}`
      : UNSUPPORTED_DETAIL
    return { status: 'rejected', detail }
  }
  if (rest.length > 0) {
    return {
      status: 'rejected',
      detail: 'Invalid Authorization header. The credential should not ' +
        'contain spaces.'
    }
  }

  if (JWT_SHAPE.test(second)) return readJwt(second, tokens)
  if (scheme === 'token' && tokens.isApiKey(second)) {
    return {
      status: 'accepted',
      principal: { kind: 'api-key', subject: tokens.apiKeySubject }
    }
  }
  return {
    status: 'rejected',
    detail: scheme === 'token'
      ? 'Invalid token: it is neither a valid JWT nor the API key.'
      : 'Invalid JWT: the value is not a JWT.'
  }
}

export function authenticateAuthorizationHeader (header: string | undefined,
  tokens: HeaderTokens): Principal {
  const reading = readAuthorizationHeader(header, tokens)
  if (reading.status === 'absent') throw notAuthenticated()
  if (reading.status === 'accepted') return reading.principal
  throw authenticationFailed(reading.detail)
}

// For route handlers: anything with Node's lower-cased headers will do.
export function authenticateRequest (
  request: { headers: { authorization?: string | undefined } },
  tokens: HeaderTokens): Principal {
  return authenticateAuthorizationHeader(request.headers.authorization, tokens)
}
