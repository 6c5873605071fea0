// Every failure the mock answers with, in one catalogue. Each constructor
// fixes the status and the wire body; the error handler only serialises.
// Internal ids carry the MOCK_ERR_ prefix; wire codes are Kraken's or DRF's.

export interface FieldError {
  detail: string
  code: string
  attr: string
}

// The same error at another attr. Built field by field: on Node 20 a
// spread followed by another property costs V8 about 0.6 µs an object.
export function movedTo (error: FieldError, attr: string): FieldError {
  return { detail: error.detail, code: error.code, attr }
}

// A MockError is an answer, not a fault: it carries no stack trace, whose
// capture would cost more than the rest of a failed request.
export class MockError extends Error {
  readonly id: string
  readonly statusCode: number
  readonly body: unknown
  readonly headers: Record<string, string>

  constructor (id: string, statusCode: number, body: unknown,
    headers: Record<string, string> = {}) {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(id)
    Error.stackTraceLimit = limit
    this.id = id
    this.statusCode = statusCode
    this.body = body
    this.headers = headers
  }
}
MockError.prototype.name = 'MockError'

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

// The post-import endpoints answer 404 when the account they name is not
// there; the contract gives that 404 no body, so it keeps the envelope.
export function importedAccountNotFound (code: string, detail: string,
  errors: FieldError[]): MockError {
  return new MockError('MOCK_ERR_ACCOUNT_NOT_FOUND', 404,
    { detail, code, errors })
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

// Injected faults: Kraken's documented failure answers, on demand.
export function paymentVendorFailure (retryable: boolean,
  echoed: Record<string, string>): MockError {
  const errorDetail = retryable
    ? 'The payment vendor could not be reached. Retry the request as it is.'
    : 'The payment vendor kept failing to confirm the instruction. Do not ' +
      'retry the request as it is.'
  return new MockError('MOCK_ERR_PAYMENT_VENDOR', retryable ? 500 : 400,
    { error_detail: errorDetail, ...echoed })
}

// GraphQL failures answer 200 with Kraken's code in `extensions`.
export function graphqlTooManyRequests (): MockError {
  return new MockError('MOCK_ERR_GRAPHQL_THROTTLED', 200, {
    data: null,
    errors: [{
      message: 'Too many requests.',
      extensions: {
        errorType: 'TOO_MANY_REQUESTS',
        errorCode: 'KT-CT-1199',
        errorDescription: 'Too many requests were made. Wait, then try again.'
      }
    }]
  })
}

// The mock's control API (/_mock/) answers in the same envelopes.
export function controlRequestInvalid (errors: FieldError[]): MockError {
  return new MockError('MOCK_ERR_CONTROL_INVALID', 400, {
    detail: 'The control request is not valid.',
    code: 'invalid_control_request',
    errors
  })
}

export function controlNotFound (detail: string): MockError {
  return new MockError('MOCK_ERR_CONTROL_NOT_FOUND', 404,
    { detail, code: 'not_found' })
}

export function adminTokenMissing (): MockError {
  return new MockError('MOCK_ERR_ADMIN_TOKEN_MISSING', 401, {
    detail: 'The control API needs the admin token in the ' +
      'x-mock-admin-token header.',
    code: 'admin_token_missing'
  })
}

export function adminTokenInvalid (): MockError {
  return new MockError('MOCK_ERR_ADMIN_TOKEN_INVALID', 403, {
    detail: 'The admin token in x-mock-admin-token is not valid.',
    code: 'admin_token_invalid'
  })
}

export function adminTokenNotConfigured (): MockError {
  return new MockError('MOCK_ERR_ADMIN_TOKEN_UNSET', 403, {
    detail: 'The control API needs an admin token here, and none is set. ' +
      'Start the mock with MOCK_ADMIN_TOKEN (8 characters or more) and ' +
      'send it in the x-mock-admin-token header, or set ' +
      'MOCK_ADMIN_AUTH=off on a trusted network.',
    code: 'admin_token_not_configured'
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
