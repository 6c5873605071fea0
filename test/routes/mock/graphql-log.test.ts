import { Writable } from 'node:stream'
import { test } from 'tap'
import { buildApp, warmUp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config.js'
import { defaultSeed } from '../../helpers/app.js'
import { control } from './helpers.js'

test('an expected GraphQL error is one short info line, with no stack',
  async t => {
    const lines: Array<Record<string, unknown>> = []
    const stream = new Writable({
      write (chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)))
        done()
      }
    })
    const app = await buildApp({
      config: loadConfig({ MOCK_JWT_SECRET: 'test-secret-0123456789' }),
      seed: defaultSeed,
      logger: { level: 'info', stream }
    })
    warmUp(app)
    t.teardown(() => app.close())

    await app.inject({
      method: 'POST',
      url: '/v1/graphql/',
      payload: {
        query: 'mutation { obtainKrakenToken(input: {APIKey: "nope-nope"}) ' +
          '{ token } }'
      }
    })
    await control(app, 'GET', '/health')
    const errors = lines.filter(l => l.msg === 'graphql error')
    t.strictSame(errors.map(l => [l.level, l.errorCode, l.graphqlError]),
      [[30, 'KT-CT-1139', 'Invalid data.']])
    t.notOk(lines.some(l => l.err !== undefined))
  })
