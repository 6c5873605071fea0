import { test } from 'tap'
import { Ajv } from 'ajv'
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

test('once ready, the control API compiles its schemas in the background', async t => {
  const app = await buildApp({
    config: loadConfig({}), seed: defaultSeed, logger: false
  })
  t.teardown(() => app.close())
  await app.ready()
  // Each control route left its compilation for after ready.
  let ran = 0
  const jobs = app.readiness.afterReady.splice(0)
    .map(job => () => { ran++; job() })
  t.ok(jobs.length > 0)
  app.readiness.afterReady.push(...jobs)
  warmUp(app)
  t.equal(app.readiness.afterReady.length, 0)
  // One job per turn of the event loop.
  for (let turn = 0; turn <= jobs.length; turn++) {
    await new Promise(resolve => setImmediate(resolve))
  }
  t.equal(ran, jobs.length)

  // So a test suite's first reset has nothing left to compile.
  let compiled = 0
  const { compile } = Ajv.prototype
  Ajv.prototype.compile = function (this: Ajv,
    ...args: Parameters<Ajv['compile']>) {
    compiled++
    return compile.apply(this, args)
  } as Ajv['compile']
  t.teardown(() => { Ajv.prototype.compile = compile })
  const reset = await app.inject({
    method: 'POST', url: '/_mock/reset?keep=clock'
  })
  t.same([reset.statusCode, reset.json().kept, compiled], [200, ['clock'], 0])
})
