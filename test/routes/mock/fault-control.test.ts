import { test } from 'tap'
import {
  buildMockApp, control, PROCESS, processAccount, stage
} from './helpers.js'

test('the standing processing limit refuses calls past it', async t => {
  const app = await buildMockApp(t)
  await stage(app, 'EXT-1')
  await stage(app, 'EXT-2')
  const set = await control(app, 'PUT', '/faults/process-concurrency-limit',
    { limit: 1 })
  t.strictSame(set.json(), { limit: 1, inFlight: 0 })
  // Latency keeps the first account in flight while the second arrives.
  await control(app, 'POST', '/faults',
    { route: PROCESS, kind: 'latency', latencyMs: 200 })

  const [first, second] = await Promise.all([
    processAccount(app, 'EXT-1'),
    processAccount(app, 'EXT-2')
  ])
  t.strictSame([first.statusCode, second.statusCode], [201, 429])
  t.equal(second.json().code, 'throttled')
  t.strictSame(app.faults.processConcurrency(), { limit: 1, inFlight: 0 })
  t.equal((await processAccount(app, 'EXT-2')).statusCode, 201)
})

test('faults are listed, cleared one by one or all at once', async t => {
  const app = await buildMockApp(t, { MOCK_PROCESS_CONCURRENCY_LIMIT: '4' })
  for (const kind of ['latency', 'drop_connection']) {
    await control(app, 'POST', '/faults',
      { route: PROCESS, kind, latencyMs: 10, probability: 0.5 })
  }
  await control(app, 'PUT', '/faults/process-concurrency-limit', { limit: 1 })
  const listed = (await control(app, 'GET', '/faults')).json()
  t.strictSame(listed.faults.map((f: { id: string, remaining: null }) =>
    [f.id, f.remaining]), [['fault-1', null], ['fault-2', null]])

  t.strictSame((await control(app, 'DELETE', '/faults/fault-1')).json(),
    { removed: 'fault-1' })
  const gone = await control(app, 'DELETE', '/faults/fault-1')
  t.equal(gone.statusCode, 404)
  t.strictSame((await control(app, 'DELETE', '/faults')).json(), { cleared: 1 })
  t.strictSame((await control(app, 'GET', '/faults')).json(), {
    faults: [],
    processConcurrency: { limit: 4, inFlight: 0 }
  })
})

test('a fault that does not fit its route is refused', async t => {
  const app = await buildMockApp(t)
  const cases: Array<[Record<string, unknown>, string[][]]> = [
    [{ route: '/v1/graphql/', kind: 'concurrency_limit' },
      [['invalid_choice', 'kind']]],
    [{ route: PROCESS, kind: 'graphql_too_many_requests' },
      [['invalid_choice', 'kind']]],
    [{ route: PROCESS, kind: 'latency' }, [['required', 'latencyMs']]],
    [{ route: '/_mock/reset', kind: 'slow', times: 0 }, [
      ['invalid', 'route'], ['invalid_choice', 'kind'], ['min_value', 'times']
    ]]
  ]
  for (const [body, expected] of cases) {
    const res = await control(app, 'POST', '/faults', body)
    t.equal(res.statusCode, 400, JSON.stringify(body))
    t.strictSame(res.json().errors.map((e: { code: string, attr: string }) =>
      [e.code, e.attr]), expected)
  }
  t.strictSame(app.faults.list(), [])
})
