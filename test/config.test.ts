import { test } from 'tap'
import { ConfigError, loadConfig } from '../src/config.js'

test('defaults are safe: loopback, port 8080, info logs', async t => {
  const config = loadConfig({})
  t.equal(config.host, '127.0.0.1')
  t.equal(config.port, 8080)
  t.equal(config.logLevel, 'info')
  t.equal(config.tokenTtlSeconds, 3600)
  t.equal(config.refreshTtlSeconds, 604800)
  t.equal(config.undocumentedFields, 'warn')
  t.equal(config.jwtSecretIsRandom, true)
  t.equal(config.jwtSecret.length, 64)
})

test('a bad value stops start-up with a message naming it', async t => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: 'eighty' }, 'PORT must be a whole number, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, ' +
      'info, debug, trace, silent, got "loud"'],
    [{ MOCK_JWT_SECRET: 'short' }, 'MOCK_JWT_SECRET must be at least 8 ' +
      'characters with no surrounding spaces'],
    [{ MOCK_TOKEN_TTL_SECONDS: '0' },
      'MOCK_TOKEN_TTL_SECONDS must be between 1 and 31536000, got 0'],
    [{ MOCK_UNDOCUMENTED_FIELDS: 'ignore' },
      'MOCK_UNDOCUMENTED_FIELDS must be one of warn, reject, got "ignore"']
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), new ConfigError(message))
  }
})
