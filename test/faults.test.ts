import { test } from 'tap'
import { createFaults, type FaultTarget } from '../src/faults.js'

const PROCESS = '/v1/data-import/account-import-process/process/'
const STATUS_ROUTE = '/v1/data-import/account-transfer-status/' +
  ':import_supplier_code/:external_account_number/'

const processCall: FaultTarget = {
  method: 'POST', route: PROCESS, path: PROCESS
}
const statusCall: FaultTarget = {
  method: 'GET',
  route: STATUS_ROUTE,
  path: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/X/'
}

const kinds = (faults: Array<{ kind: string }>): string[] =>
  faults.map(f => f.kind)

test('a fault without a count or probability fires once, then is gone',
  t => {
    const faults = createFaults({ processConcurrencyLimit: 0 })
    const added = faults.add({ route: PROCESS, kind: 'concurrency_limit' })
    t.strictSame(added, {
      id: 'fault-1',
      route: PROCESS,
      method: null,
      kind: 'concurrency_limit',
      latencyMs: null,
      remaining: 1,
      probability: 1,
      fired: 0
    })
    t.strictSame(kinds(faults.draw(processCall)), ['concurrency_limit'])
    t.strictSame(faults.list(), [])
    t.strictSame(faults.draw(processCall), [])
    t.end()
  })

test('a counted fault fires for exactly its next N matching requests', t => {
  const faults = createFaults({ processConcurrencyLimit: 0 })
  faults.add({ route: PROCESS, kind: 'payment_retryable', times: 2 })
  t.strictSame(faults.draw(statusCall), [])
  t.equal(faults.draw(processCall)[0]?.remaining, 1)
  t.equal(faults.draw(processCall)[0]?.remaining, 0)
  t.strictSame(faults.draw(processCall), [])
  t.end()
})

test('a probable fault fires when the draw falls under its probability',
  t => {
    const draws = [0.1, 0.9, 0.49]
    const faults = createFaults({
      processConcurrencyLimit: 0,
      random: () => draws.shift() ?? 1
    })
    faults.add({ route: PROCESS, kind: 'drop_connection', probability: 0.5 })
    t.strictSame(kinds(faults.draw(processCall)), ['drop_connection'])
    t.strictSame(faults.draw(processCall), [])
    t.strictSame(kinds(faults.draw(processCall)), ['drop_connection'])
    t.equal(faults.list()[0]?.remaining, null)
    t.equal(faults.list()[0]?.fired, 2)
    t.end()
  })

test('routes match by pattern, {param} form, concrete path or prefix', t => {
  const faults = createFaults({ processConcurrencyLimit: 0 })
  const braces = '/v1/data-import/account-transfer-status/' +
    '{import_supplier_code}/{external_account_number}/'
  t.equal(faults.add({ route: braces, kind: 'latency', latencyMs: 1 }).route,
    STATUS_ROUTE)
  faults.add({ route: statusCall.path, kind: 'latency', latencyMs: 2 })
  faults.add({ route: '/v1/*', kind: 'latency', latencyMs: 4 })
  faults.add({ route: '/v2/*', kind: 'latency', latencyMs: 8 })
  const fired = faults.draw(statusCall)
  t.strictSame(fired.map(f => f.latencyMs), [1, 2, 4])
  t.end()
})

test('a fault with a method leaves other methods alone', t => {
  const faults = createFaults({ processConcurrencyLimit: 0 })
  faults.add({ route: PROCESS, method: 'get', kind: 'concurrency_limit' })
  t.strictSame(faults.draw(processCall), [])
  t.equal(faults.list()[0]?.method, 'GET')
  t.end()
})

test('latencies all fire, but only the first answering fault is used up',
  t => {
    const faults = createFaults({ processConcurrencyLimit: 0 })
    faults.add({ route: PROCESS, kind: 'latency', latencyMs: 5 })
    faults.add({ route: PROCESS, kind: 'concurrency_limit' })
    faults.add({ route: PROCESS, kind: 'payment_retryable' })
    t.strictSame(kinds(faults.draw(processCall)),
      ['latency', 'concurrency_limit'])
    t.strictSame(kinds(faults.draw(processCall)), ['payment_retryable'])
    t.end()
  })

test('the processing limit refuses past its size until one leaves', t => {
  const faults = createFaults({ processConcurrencyLimit: 2 })
  t.equal(faults.enterProcess(), true)
  t.equal(faults.enterProcess(), true)
  t.equal(faults.enterProcess(), false)
  t.strictSame(faults.processConcurrency(), { limit: 2, inFlight: 2 })
  faults.leaveProcess()
  t.equal(faults.enterProcess(), true)
  t.end()
})

test('clearing removes every fault and restores the configured limit', t => {
  const faults = createFaults({ processConcurrencyLimit: 3 })
  faults.add({ route: PROCESS, kind: 'latency', latencyMs: 1, times: 5 })
  faults.setProcessLimit(0)
  faults.clear()
  t.strictSame(faults.list(), [])
  t.strictSame(faults.processConcurrency(), { limit: 3, inFlight: 0 })
  t.equal(faults.add({ route: PROCESS, kind: 'latency' }).id, 'fault-2')
  t.end()
})
