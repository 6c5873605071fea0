import { type Test, test } from 'tap'
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

// Counts Ajv compilations from now until the test ends.
function countCompilations (t: Test):
{ count: number } {
  const counter = { count: 0 }
  const { compile } = Ajv.prototype
  Ajv.prototype.compile = function (this: Ajv,
    ...args: Parameters<Ajv['compile']>) {
    counter.count++
    return compile.apply(this, args)
  } as Ajv['compile']
  t.teardown(() => { Ajv.prototype.compile = compile })
  return counter
}

const turns = async (n: number): Promise<void> => {
  for (let turn = 0; turn < n; turn++) {
    await new Promise(resolve => setImmediate(resolve))
  }
}

for (const order of ['ready, then warm-up', 'warm-up, then ready']) {
  test(`once ready, the control API compiles its schemas in the background (${order})`, async t => {
    const app = await buildApp({
      config: loadConfig({}), seed: defaultSeed, logger: false
    })
    t.teardown(() => app.close())
    if (order === 'ready, then warm-up') {
      await app.ready()
      // Each control route left its compilation for after ready.
      t.ok(app.readiness.pending > 0)
      warmUp(app)
    } else {
      warmUp(app)
      await app.ready()
    }
    const jobs = app.readiness.pending
    t.ok(jobs > 0)
    // One job per turn of the event loop, none at once.
    await turns(1)
    t.equal(app.readiness.pending, jobs - 1)
    await turns(jobs)
    t.equal(app.readiness.pending, 0)

    // So a test suite's first reset has nothing left to compile.
    const compiled = countCompilations(t)
    const reset = await app.inject({
      method: 'POST', url: '/_mock/reset?keep=clock'
    })
    t.same([reset.statusCode, reset.json().kept, compiled.count],
      [200, ['clock'], 0])
  })
}
