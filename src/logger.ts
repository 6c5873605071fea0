// pino options shared by the server and tools. Credentials never reach a
// log line: headers that carry them and any key or token field are redacted.
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-mock-admin-token"]',
  '*.authorization',
  '*.apiKey',
  '*.APIKey',
  '*.secretKey',
  '*.organizationSecretKey',
  '*.token',
  '*.refreshToken',
  '*.password',
  '*.jwtSecret'
]

// 'silent' turns logging off altogether: Fastify then makes no per-request
// child logger either.
export function loggerOptions (level: string): Record<string, unknown> | false {
  if (level === 'silent') return false
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production'
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty' } }
      : {})
  }
}
