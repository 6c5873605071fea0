import { test } from 'tap'
import {
  at, OTHER, storeSeed, type StoreFactory, SUPPLIER
} from './fixtures.js'
import { recordsSuite } from './store-suite-records.js'

// One behavioural suite for every Store: each store's test file runs it
// with a factory that builds a fresh, empty store and closes it afterwards.
// Processes and suppliers here; records, snapshots and reset in
// store-suite-records.ts.

export function runStoreSuite (create: StoreFactory): void {
  const seed = storeSeed

  test('staging creates a process, then replaces its payload and keeps ' +
    'when it was first staged', async t => {
    const store = create(t, seed)
    const first = store.stageImportProcess(SUPPLIER, 'E-1', '{"v":1}', at(1))
    const expected = {
      supplierCode: SUPPLIER,
      externalAccountNumber: 'E-1',
      payloadJson: '{"v":1}',
      stagedAt: at(1),
      updatedAt: at(1),
      krakenAccountNumber: null,
      accountCreatedAt: null
    }
    t.strictSame(first, { created: true, record: expected })

    const again = store.stageImportProcess(SUPPLIER, 'E-1', '{"v":2}', at(2))
    const updated = { ...expected, payloadJson: '{"v":2}', updatedAt: at(2) }
    t.strictSame(again, { created: false, record: updated })
    t.strictSame(store.findImportProcess(SUPPLIER, 'E-1'), updated)
    t.equal(store.findImportProcess(OTHER, 'E-1'), undefined)
    t.equal(store.findImportProcess(SUPPLIER, 'E-2'), undefined)
  })

  test('a record keeps the payload it was handed out with, read or not',
    async t => {
      const store = create(t, seed)
      const staged = store.stageImportProcess(SUPPLIER, 'E-1', '{"v":1}', at(1))
      const found = store.findImportProcess(SUPPLIER, 'E-1')
      store.stageImportProcess(SUPPLIER, 'E-1', '{"v":2}', at(2))
      // Neither record's payload was read before it was replaced.
      t.equal(staged.record.payloadJson, '{"v":1}')
      t.equal(found?.payloadJson, '{"v":1}')
      t.equal(store.findImportProcess(SUPPLIER, 'E-1')?.payloadJson, '{"v":2}')
    })

  test('records handed out are copies: changing one changes nothing stored',
    async t => {
      const store = create(t, seed)
      const staged = store.stageImportProcess(SUPPLIER, 'E-1', '{}', at(1))
      staged.record.payloadJson = 'changed'
      const found = store.findImportProcess(SUPPLIER, 'E-1')
      if (found !== undefined) found.krakenAccountNumber = 'A-CHANGED'
      const summary = store.listImportProcesses(SUPPLIER, 'all')[0]
      if (summary !== undefined) summary.externalAccountNumber = 'changed'
      const supplier = store.findSupplier(SUPPLIER)
      if (supplier !== undefined) supplier.status = 'Complete'
      const listed = store.listSuppliers()[0]
      if (listed !== undefined) listed.name = 'changed'
      store.exportState().importProcesses.forEach(p => { p.stagedAt = 'x' })

      t.strictSame(store.findImportProcess(SUPPLIER, 'E-1'), {
        supplierCode: SUPPLIER,
        externalAccountNumber: 'E-1',
        payloadJson: '{}',
        stagedAt: at(1),
        updatedAt: at(1),
        krakenAccountNumber: null,
        accountCreatedAt: null
      })
      t.equal(store.hasAccountNumber('A-CHANGED'), false)
      t.strictSame(store.listSuppliers(), seed.importSuppliers)
    })

  test('marking a process imported records its account number and time',
    async t => {
      const store = create(t, seed)
      store.stageImportProcess(SUPPLIER, 'E-1', '{"v":1}', at(1))
      const marked = store.markImported(SUPPLIER, 'E-1', 'A-00000001', at(3))
      const expected = {
        supplierCode: SUPPLIER,
        externalAccountNumber: 'E-1',
        payloadJson: '{"v":1}',
        stagedAt: at(1),
        updatedAt: at(3),
        krakenAccountNumber: 'A-00000001',
        accountCreatedAt: at(3)
      }
      t.strictSame(marked, expected)
      t.strictSame(store.findImportProcess(SUPPLIER, 'E-1'), expected)
      t.throws(() => store.markImported(SUPPLIER, 'E-404', 'A-2', at(3)),
        { message: `no import process ${SUPPLIER}/E-404` })
    })

  test('an account number is never given to two processes', async t => {
    const store = create(t, seed)
    store.stageImportProcess(SUPPLIER, 'E-1', '{}', at(1))
    store.stageImportProcess(OTHER, 'E-2', '{}', at(1))
    t.equal(store.hasAccountNumber('A-00000001'), false)
    store.markImported(SUPPLIER, 'E-1', 'A-00000001', at(2))
    t.equal(store.hasAccountNumber('A-00000001'), true)

    t.throws(() => store.markImported(OTHER, 'E-2', 'A-00000001', at(2)),
      { message: 'account number A-00000001 is taken' })
    t.equal(store.findImportProcess(OTHER, 'E-2')?.krakenAccountNumber, null)
    t.strictSame(store.counts(), { importProcesses: 2, accounts: 1 })
  })

  test('lists a supplier\'s processes in staging order, all, pending or ' +
    'imported', async t => {
    const store = create(t, seed)
    for (const ext of ['E-3', 'E-1', 'E-2']) {
      store.stageImportProcess(SUPPLIER, ext, '{}', at(1))
      store.stageImportProcess(OTHER, `O-${ext}`, '{}', at(1))
    }
    store.stageImportProcess(SUPPLIER, 'E-3', '{"again":true}', at(2))
    store.markImported(SUPPLIER, 'E-1', 'A-00000001', at(3))

    const pending = (ext: string) => ({
      externalAccountNumber: ext,
      krakenAccountNumber: null,
      accountCreatedAt: null
    })
    const imported = {
      externalAccountNumber: 'E-1',
      krakenAccountNumber: 'A-00000001',
      accountCreatedAt: at(3)
    }
    t.strictSame(store.listImportProcesses(SUPPLIER, 'all'),
      [pending('E-3'), imported, pending('E-2')])
    t.strictSame(store.listImportProcesses(SUPPLIER, 'pending'),
      [pending('E-3'), pending('E-2')])
    t.strictSame(store.listImportProcesses(SUPPLIER, 'imported'), [imported])
    t.strictSame(store.listImportProcesses(OTHER, 'imported'), [])
    t.strictSame(store.listImportProcesses('NO_SUCH_SUPPLIER', 'all'), [])
    t.strictSame(store.counts(), { importProcesses: 6, accounts: 1 })
  })

  test('supplier statuses change until a reset restores the seeded ones',
    async t => {
      const store = create(t, seed)
      t.strictSame(store.listSuppliers(), seed.importSuppliers)
      const seeded = seed.importSuppliers.find(s => s.code === SUPPLIER)
      const paused = store.setSupplierStatus(SUPPLIER, 'Paused')
      t.strictSame(paused, { ...seeded, status: 'Paused' })
      t.strictSame(store.findSupplier(SUPPLIER), paused)
      t.equal(store.listSuppliers().find(s => s.code === SUPPLIER)?.status,
        'Paused')
      t.equal(store.findSupplier('NO_SUCH_SUPPLIER'), undefined)
      t.throws(() => store.setSupplierStatus('NO_SUCH_SUPPLIER', 'Paused'),
        { message: 'no import supplier NO_SUCH_SUPPLIER' })

      store.reset()
      t.strictSame(store.findSupplier(SUPPLIER), seeded)
      t.strictSame(store.listSuppliers(), seed.importSuppliers)
    })

  recordsSuite(create)
}
