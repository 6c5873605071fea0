// obtainKrakenToken's failures in Kraken's GraphQL terms; the GraphQL layer
// copies these fields into `errors[].extensions`.

export interface ValidationErrorDetail {
  message: string
  inputPath: string[]
}

export class KrakenAuthError extends Error {
  override name = 'KrakenAuthError'
  readonly errorCode: string
  readonly errorType: string
  readonly description: string
  readonly validationErrors: ValidationErrorDetail[] | undefined

  constructor (errorCode: string, errorType: string, message: string,
    description: string, validationErrors?: ValidationErrorDetail[]) {
    super(message)
    this.errorCode = errorCode
    this.errorType = errorType
    this.description = description
    this.validationErrors = validationErrors
  }
}

export function invalidCredential (field: string): KrakenAuthError {
  return new KrakenAuthError('KT-CT-1139', 'VALIDATION', 'Invalid data.',
    'Authentication failed.',
    [{ message: 'Authentication failed.', inputPath: ['input', field] }])
}

// Kraken documents no code of its own for a missing or doubled credential;
// it is bad input to this mutation, so it shares KT-CT-1139.
export function credentialMissing (inputPath: string[], message: string) {
  return new KrakenAuthError('KT-CT-1139', 'VALIDATION', 'Invalid data.',
    message, [{ message, inputPath }])
}

export const EXACTLY_ONE = 'Provide exactly one of APIKey, organizationSecretKey, ' +
  'refreshToken, or email with password.'

export function refreshTokenUnknown (): KrakenAuthError {
  return new KrakenAuthError('KT-CT-1135', 'VALIDATION', 'Invalid data.',
    'The refresh token is not valid.')
}

export function refreshTokenExpired (): KrakenAuthError {
  return new KrakenAuthError('KT-CT-1134', 'VALIDATION',
    'Refresh token has expired.',
    'The refresh token has expired; obtain a new one with the original ' +
    'credential.')
}
