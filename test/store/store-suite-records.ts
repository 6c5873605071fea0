import { test } from 'tap'
import type { AccountRecord } from '../../src/store/types.js'
import {
  at, filledSnapshot, fillStore, note, scheduled, storeSeed,
  type StoreFactory, SUPPLIER, token
} from './fixtures.js'

// The second half of the store suite: account records, scheduled imports,
// refresh tokens, snapshots and reset.
export function recordsSuite (create: StoreFactory): void {
  const seed = storeSeed

  test('adds account records all or nothing when a kind and key is taken ' +
    'on that account', async t => {
    const store = create(t, seed)
    const transaction: AccountRecord =
      { ...note('A-1', 'n1'), kind: 'transaction' }
    store.addAccountRecords([note('A-1', 'n1'), note('A-1', 'n2')])
    store.addAccountRecords([note('A-2', 'n1'), transaction])

    t.throws(() => store.addAccountRecords([note('A-1', 'n3'),
      note('A-1', 'n1')]), { message: 'note n1 exists on A-1' })
    t.throws(() => store.addAccountRecords([note('A-3', 'x'),
      note('A-3', 'x')]), { message: 'note x exists on A-3' })

    t.strictSame(store.listAccountRecords('A-1', 'note'),
      [note('A-1', 'n1'), note('A-1', 'n2')])
    t.strictSame(store.listAccountRecords('A-1', 'transaction'),
      [transaction])
    t.strictSame(store.listAccountRecords('A-2', 'note'), [note('A-2', 'n1')])
    t.strictSame(store.listAccountRecords('A-3', 'note'), [])
  })

  test('finds the records of a kind with a key on any account', async t => {
    const store = create(t, seed)
    const reference = (account: string): AccountRecord =>
      ({ ...note(account, 'MPAN-1'), kind: 'reference' })
    store.addAccountRecords([reference('A-1')])
    store.addAccountRecords([note('A-2', 'MPAN-1'), reference('A-2')])

    const found = store.findAccountRecordsByKey('reference', 'MPAN-1')
    t.strictSame(found, [reference('A-1'), reference('A-2')])
    found.forEach(r => { r.key = 'changed' })
    t.strictSame(store.findAccountRecordsByKey('reference', 'MPAN-1'),
      [reference('A-1'), reference('A-2')])
    t.strictSame(store.findAccountRecordsByKey('note', 'MPAN-1'),
      [note('A-2', 'MPAN-1')])
    t.strictSame(store.findAccountRecordsByKey('reference', 'MPAN-2'), [])
  })

  test('saves scheduled imports, finds them and lists them by status, ' +
    'in the order first saved', async t => {
    const store = create(t, seed)
    for (const [id, status] of [['S-1', 'PENDING'], ['S-2', 'PROCESSED'],
      ['S-3', 'ERRORED'], ['S-4', 'DRY_RUN_SUCCEEDED']] as const) {
      store.saveScheduledImport(scheduled(id, status))
    }
    t.strictSame(store.listScheduledImports(['PENDING', 'ERRORED']),
      [scheduled('S-1', 'PENDING'), scheduled('S-3', 'ERRORED')])

    const running = { ...scheduled('S-1', 'IN_PROGRESS'), updatedAt: at(2) }
    store.saveScheduledImport(running)
    t.strictSame(store.findScheduledImport(SUPPLIER, 'S-1'), running)
    t.strictSame(store.listScheduledImports(['PROCESSED', 'IN_PROGRESS']),
      [running, scheduled('S-2', 'PROCESSED')])
    t.strictSame(store.findScheduledImport(SUPPLIER, 'S-4'),
      scheduled('S-4', 'DRY_RUN_SUCCEEDED'))
    t.strictSame(store.listScheduledImports(['PENDING']), [])
    t.strictSame(store.listScheduledImports([]), [])
    t.equal(store.findScheduledImport('TENTACLE_MANUAL', 'S-1'), undefined)
  })

  test('saves refresh tokens and finds them by token; saving again ' +
    'replaces the record', async t => {
    const store = create(t, seed)
    store.saveRefreshToken(token('one'))
    store.saveRefreshToken(token('two'))
    t.strictSame(store.findRefreshToken('digest-of-one'), token('one'))
    store.saveRefreshToken(token('one', 1_900_000_000))
    t.strictSame(store.findRefreshToken('digest-of-one'),
      token('one', 1_900_000_000))
    t.strictSame(store.findRefreshToken('digest-of-two'), token('two'))
    t.equal(store.findRefreshToken('digest-of-three'), undefined)
  })

  test('exports the whole state and imports it into another store exactly',
    async t => {
      const store = create(t, seed)
      fillStore(store)
      const snapshot = store.exportState()
      t.strictSame(snapshot, filledSnapshot(seed))

      const other = create(t, seed)
      other.stageImportProcess(SUPPLIER, 'E-OLD', '{}', at(9))
      other.importState(snapshot)
      t.strictSame(other.exportState(), filledSnapshot(seed))
      t.equal(other.findImportProcess(SUPPLIER, 'E-OLD'), undefined)
      t.equal(other.hasAccountNumber('A-00000001'), true)
      t.strictSame(other.counts(), { importProcesses: 3, accounts: 1 })
      t.equal(other.findSupplier('TENTACLE_MANUAL')?.status, 'Paused')
    })

  test('reset clears processes, accounts, records, scheduled imports and ' +
    'tokens', async t => {
    const store = create(t, seed)
    fillStore(store)
    store.reset()
    t.strictSame(store.exportState(), {
      version: 1,
      suppliers: seed.importSuppliers,
      importProcesses: [],
      accountRecords: [],
      scheduledImports: [],
      refreshTokens: []
    })
    t.strictSame(store.counts(), { importProcesses: 0, accounts: 0 })
    t.equal(store.hasAccountNumber('A-00000001'), false)
    t.strictSame(store.listImportProcesses(SUPPLIER, 'all'), [])
    t.strictSame(store.listAccountRecords('A-00000001', 'note'), [])
    t.equal(store.findRefreshToken('digest-of-one'), undefined)

    fillStore(store)
    t.strictSame(store.exportState(), filledSnapshot(seed),
      'the store works as new after a reset')
  })
}
