import { Writable } from 'node:stream'
import { test } from 'tap'
import { buildApp, warmUp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { loggerOptions, REDACTED_PATHS } from '../src/logger.js'
import { defaultSeed, obtainToken } from './helpers/app.js'

test('no key, token or password reaches a log line', async t => {
  const lines: string[] = []
  const stream = new Writable({
    write (chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    }
  })
  const app = await buildApp({
    config: loadConfig({ MOCK_JWT_SECRET: 'log-test-secret-123' }),
    seed: defaultSeed,
    logger: {
      level: 'trace',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      stream
    }
  })
  warmUp(app)
  t.teardown(() => app.close())

  const obtained = await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: {
      query: 'mutation { obtainKrakenToken(input: {APIKey: "test-api-key"}) ' +
        '{ token refreshToken } }'
    }
  })
  const { token, refreshToken } = obtained.json().data.obtainKrakenToken
  await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: {
      query: 'mutation { obtainKrakenToken(input: {APIKey: "wrong-key-1"}) ' +
        '{ token } }'
    }
  })
  await app.inject({
    method: 'GET',
    url: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/X/',
    headers: { authorization: `JWT ${token as string}` }
  })
  await app.inject({
    method: 'GET',
    url: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/X/',
    headers: { authorization: 'Token sk_test_organisation' }
  })

  const log = lines.join('')
  t.ok(lines.length > 4, 'requests were logged')
  for (const secret of [token, refreshToken, 'test-api-key', 'wrong-key-1',
    'sk_test_organisation', 'log-test-secret-123']) {
    t.notOk(log.includes(secret), `log holds no ${String(secret).slice(0, 6)}…`)
  }
})

test('LOG_LEVEL=silent serves everything with logging off', async t => {
  const config = loadConfig({ MOCK_JWT_SECRET: 'log-test-secret-123', LOG_LEVEL: 'silent' })
  t.equal(loggerOptions(config.logLevel), false)
  // buildApp's own choice of logger, as server.ts makes it.
  const app = await buildApp({ config, seed: defaultSeed })
  warmUp(app)
  t.teardown(() => app.close())
  const token = await obtainToken(app)
  const invalid = await app.inject({
    method: 'POST',
    url: '/v1/data-import/validate-account/',
    headers: { authorization: `JWT ${token}` },
    payload: {}
  })
  t.equal(invalid.statusCode, 400)
  t.equal(invalid.json().code, 'account_failed_validation')
  const unknown = await app.inject({ method: 'GET', url: '/v1/%E0%A4%A' })
  t.equal(unknown.statusCode, 404)
})
