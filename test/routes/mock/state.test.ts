import { test } from 'tap'
import {
  buildMockApp, control, KRAKEN_HEADERS, PROCESS, processAccount, stage,
  transferStatus
} from './helpers.js'

test('reset restores the seed: store, journal, faults and clock', async t => {
  const app = await buildMockApp(t)
  t.equal((await stage(app)).statusCode, 201)
  await control(app, 'PATCH', '/suppliers/TENTACLE_PAUSED',
    { status: 'Ongoing' })
  await control(app, 'POST', '/faults',
    { route: PROCESS, kind: 'concurrency_limit', times: 3 })
  await control(app, 'POST', '/clock/freeze', { at: '2030-01-01T00:00:00Z' })

  const res = await control(app, 'POST', '/reset')
  t.equal(res.statusCode, 200)
  t.strictSame(res.json().reset, ['store', 'journal', 'faults', 'clock'])
  t.strictSame(res.json().kept, [])

  const status = await app.inject({
    method: 'GET', url: transferStatus('EXTERNAL-1234'), headers: KRAKEN_HEADERS
  })
  t.equal(status.statusCode, 404)
  t.equal(app.store.findSupplier('TENTACLE_PAUSED')?.status, 'Paused')
  t.strictSame(app.faults.list(), [])
  t.equal(app.clock.describe().frozen, false)
  // Only the transfer-status call made after the reset is in the journal.
  t.strictSame(app.journal.list().map(e => e.path),
    [transferStatus('EXTERNAL-1234')])
})

test('reset can keep the journal, faults and clock when asked', async t => {
  const app = await buildMockApp(t)
  await stage(app)
  await control(app, 'POST', '/faults',
    { route: PROCESS, kind: 'concurrency_limit' })
  await control(app, 'POST', '/clock/freeze', { at: '2030-01-01T00:00:00Z' })

  const res = await control(app, 'POST', '/reset?keep=journal,clock,faults')
  t.strictSame(res.json().reset, ['store'])
  t.strictSame(res.json().kept, ['journal', 'faults', 'clock'])
  t.equal(app.journal.list().length, 1)
  t.equal(app.faults.list().length, 1)
  t.equal(app.clock.describe().now, '2030-01-01T00:00:00.000Z')
  t.equal(app.store.counts().importProcesses, 0)
})

test('reset refuses to keep something it cannot keep', async t => {
  const app = await buildMockApp(t)
  const res = await control(app, 'POST', '/reset?keep=store')
  t.equal(res.statusCode, 400)
  t.equal(res.json().code, 'invalid_control_request')
  t.strictSame(res.json().errors.map((e: { attr: string }) => e.attr),
    ['query.keep'])
})

test('reset takes under 50 ms with thousands of accounts', async t => {
  const app = await buildMockApp(t)
  // Boots the plugins first, so only the reset itself is timed.
  await app.ready()
  const at = new Date().toISOString()
  for (let i = 0; i < 5000; i++) {
    app.store.stageImportProcess('TENTACLE_ENERGY', `BULK-${i}`,
      JSON.stringify({ account_type: 'DOMESTIC', index: i }), at)
    app.store.markImported('TENTACLE_ENERGY', `BULK-${i}`,
      `A-${i.toString(16).padStart(8, '0').toUpperCase()}`, at)
  }
  const started = performance.now()
  const res = await control(app, 'POST', '/reset')
  const took = performance.now() - started
  t.equal(res.statusCode, 200)
  t.ok(took < 50, `reset took ${took.toFixed(1)} ms`)
  t.ok(res.json().tookMs < 50)
  t.strictSame(app.store.counts(), { importProcesses: 0, accounts: 0 })
})

test('an exported state imports back after a reset', async t => {
  const app = await buildMockApp(t)
  await stage(app, 'EXT-A')
  await stage(app, 'EXT-B')
  t.equal((await processAccount(app, 'EXT-A')).statusCode, 201)
  await control(app, 'PATCH', '/suppliers/TENTACLE_MANUAL',
    { status: 'Complete' })

  const exported = await control(app, 'GET', '/state')
  t.equal(exported.statusCode, 200)
  const snapshot = exported.json()
  t.equal(snapshot.version, 1)
  t.equal(snapshot.importProcesses.length, 2)

  await control(app, 'POST', '/reset')
  const imported = await control(app, 'PUT', '/state', snapshot)
  t.equal(imported.statusCode, 200)
  t.strictSame(imported.json().imported, {
    suppliers: snapshot.suppliers.length,
    importProcesses: 2,
    accountRecords: 0,
    scheduledImports: 0,
    refreshTokens: 0
  })
  t.strictSame((await control(app, 'GET', '/state')).json(), snapshot)
  const status = await app.inject({
    method: 'GET', url: transferStatus('EXT-A'), headers: KRAKEN_HEADERS
  })
  t.equal(status.json().status, 'COMPLETED')
})

test('a snapshot that does not hold together is refused and nothing is lost',
  async t => {
    const app = await buildMockApp(t)
    await stage(app, 'EXT-KEPT')
    const before = (await control(app, 'GET', '/state')).json()
    const broken = structuredClone(before)
    broken.importProcesses.push({
      ...broken.importProcesses[0], supplierCode: 'NOBODY'
    })
    broken.importProcesses[0].payloadJson = '{not json'

    const res = await control(app, 'PUT', '/state', broken)
    t.equal(res.statusCode, 400)
    t.strictSame(res.json().errors.map((e: { code: string, attr: string }) =>
      [e.code, e.attr]), [
      ['invalid', 'importProcesses.0.payloadJson'],
      ['does_not_exist', 'importProcesses.1.supplierCode']
    ])
    t.strictSame((await control(app, 'GET', '/state')).json(), before)
  })

test('a snapshot of the wrong shape is refused with the fields named',
  async t => {
    const app = await buildMockApp(t)
    await stage(app, 'EXT-KEPT')
    const res = await control(app, 'PUT', '/state', {
      version: 2, suppliers: [], importProcesses: 'none', extra: true
    })
    t.equal(res.statusCode, 400)
    t.strictSame(res.json().errors.map((e: { code: string, attr: string }) =>
      [e.code, e.attr]).sort(), [
      ['invalid', 'importProcesses'],
      ['invalid_choice', 'version'],
      ['required', 'accountRecords'],
      ['required', 'refreshTokens'],
      ['required', 'scheduledImports'],
      ['unknown_field', 'extra']
    ])
    t.equal(app.store.counts().importProcesses, 1)
  })

test('a state body that is not JSON is a parse error', async t => {
  const app = await buildMockApp(t)
  const res = await app.inject({
    method: 'PUT',
    url: '/_mock/state',
    headers: { 'content-type': 'application/json' },
    payload: '{"version": 1,'
  })
  t.equal(res.statusCode, 400)
  t.equal(res.json().code, 'parse_error')
})
