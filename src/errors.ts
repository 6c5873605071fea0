// Every failure the mock answers with, in one catalogue. Each constructor
// fixes the status and the wire body; the error handler only serialises.
// Internal ids carry the MOCK_ERR_ prefix; wire codes are Kraken's or DRF's.

export interface FieldError {
  detail: string
  code: string
  attr: string
}

export class MockError extends Error {
  override name = 'MockError'
  readonly id: string
  readonly statusCode: number
  readonly body: unknown
  readonly headers: Record<string, string>

  constructor (id: string, statusCode: number, body: unknown,
    headers: Record<string, string> = {}) {
    super(id)
    this.id = id
    this.statusCode = statusCode
    this.body = body
    this.headers = headers
  }
}

const AUTH_HEADERS = { 'www-authenticate': 'Token' }

export const ACCEPTED_AUTH_FORMS =
  'the JWT alone, "JWT <token>", "Token <token>" or "Token <API key>"'

export function notAuthenticated (): MockError {
  return new MockError('MOCK_ERR_NOT_AUTHENTICATED', 401, {
    detail: 'Authentication credentials were not provided.',
    code: 'not_authenticated'
  }, AUTH_HEADERS)
}

export function authenticationFailed (detail: string): MockError {
  return new MockError('MOCK_ERR_AUTHENTICATION_FAILED', 401, {
    detail,
    code: 'authentication_failed'
  }, AUTH_HEADERS)
}

// The envelope documented on Kraken's API Basics page.
export function validationFailed (code: string, detail: string,
  errors: FieldError[]): MockError {
  return new MockError('MOCK_ERR_VALIDATION', 400, { detail, code, errors })
}

export function routeNotFound (): MockError {
  return new MockError('MOCK_ERR_NOT_FOUND', 404, {
    detail: 'Not found.',
    code: 'not_found'
  })
}

export function methodNotAllowed (method: string): MockError {
  return new MockError('MOCK_ERR_METHOD_NOT_ALLOWED', 405, {
    detail: `Method "${method}" not allowed.`,
    code: 'method_not_allowed'
  })
}

export function parseError (detail: string): MockError {
  return new MockError('MOCK_ERR_PARSE', 400, {
    detail: `JSON parse error - ${detail}`,
    code: 'parse_error'
  })
}

export function unsupportedMediaType (contentType: string): MockError {
  return new MockError('MOCK_ERR_MEDIA_TYPE', 415, {
    detail: `Unsupported media type "${contentType}" in request.`,
    code: 'unsupported_media_type'
  })
}

export function payloadTooLarge (limitBytes: number): MockError {
  return new MockError('MOCK_ERR_TOO_LARGE', 413, {
    detail: `Request body is larger than ${limitBytes} bytes.`,
    code: 'request_too_large'
  })
}

export function throttled (detail: string): MockError {
  return new MockError('MOCK_ERR_THROTTLED', 429, {
    detail,
    code: 'throttled'
  })
}

export function internalError (): MockError {
  return new MockError('MOCK_ERR_INTERNAL', 500, {
    detail: 'A server error occurred.',
    code: 'error'
  })
}

// Kraken answers some cases with a body of its own shape (already imported,
// transfer status not found...). Routes build those bodies; this carries them.
export function krakenResponse (statusCode: number, body: unknown): MockError {
  return new MockError('MOCK_ERR_KRAKEN_SHAPE', statusCode, body)
}
