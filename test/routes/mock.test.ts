import { test } from 'tap'
import { buildApp, warmUp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { defaultSeed } from '../helpers/app.js'

test('health answers at once; readiness waits for the warm-up', async t => {
  const app = await buildApp({
    config: loadConfig({}), seed: defaultSeed, logger: false
  })
  t.teardown(() => app.close())
  const health = await app.inject({ method: 'GET', url: '/_mock/health' })
  t.equal(health.statusCode, 200)
  t.same(health.json(), { status: 'ok' })

  const early = await app.inject({ method: 'GET', url: '/_mock/ready' })
  t.equal(early.statusCode, 503)
  t.same(early.json(), { status: 'starting' })

  warmUp(app)
  const ready = await app.inject({ method: 'GET', url: '/_mock/ready' })
  t.equal(ready.statusCode, 200)
  t.same(ready.json(), { status: 'ready' })
})
