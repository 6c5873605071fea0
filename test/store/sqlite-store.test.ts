import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { test, type Test } from 'tap'
import { ConfigError } from '../../src/config.js'
import { createStore } from '../../src/store/index.js'
import { SCHEMA_VERSION } from '../../src/store/sqlite-schema.js'
import {
  createSqliteStore, DATABASE_FILE, type SqliteStoreOptions
} from '../../src/store/sqlite-store.js'
import {
  at, filledSnapshot, fillStore, note, OTHER, storeSeed, SUPPLIER
} from './fixtures.js'
import { runStoreSuite } from './store-suite.js'

function tempDir (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'kraken-mock-store-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

// Opens a store on `dir`, closed when the test ends (closing twice is fine).
function open (t: Test, dir: string, options: SqliteStoreOptions = {},
  seed = storeSeed) {
  const store = createSqliteStore(dir, seed, options)
  t.teardown(() => store.close())
  return store
}

// Reads the database file directly, once no store has it open.
function query (dir: string, sql: string): unknown {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
  try {
    return db.prepare(sql).pluck().get()
  } finally {
    db.close()
  }
}

const tick = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

runStoreSuite((t, seed) => open(t, tempDir(t), {}, seed))

test('keeps the whole state across a close and a reopen', async t => {
  const dir = tempDir(t)
  const store = open(t, dir)
  fillStore(store)
  store.close()
  t.equal(query(dir, 'SELECT version FROM schema_version'), SCHEMA_VERSION)

  const reopened = open(t, dir)
  t.strictSame(reopened.exportState(), filledSnapshot(storeSeed))
})

test('a reopened store keeps its supplier statuses and adds the suppliers ' +
  'its seed gained', async t => {
  const dir = tempDir(t)
  const store = open(t, dir)
  store.setSupplierStatus(OTHER, 'Complete')
  store.close()
  const gained = { ...storeSeed.importSuppliers[0]!, code: 'TENTACLE_NEW' }
  const seed = {
    ...storeSeed, importSuppliers: [...storeSeed.importSuppliers, gained]
  }
  const reopened = open(t, dir, {}, seed)
  t.equal(reopened.findSupplier(OTHER)?.status, 'Complete')
  t.strictSame(reopened.listSuppliers().map(s => s.code),
    [SUPPLIER, OTHER, 'TENTACLE_COMPLETE', 'TENTACLE_NEW'])
})

test('an import that fails leaves the previous state whole', async t => {
  const store = open(t, tempDir(t))
  fillStore(store)
  const broken = {
    ...filledSnapshot(storeSeed),
    importProcesses: [],
    accountRecords: [note('A-9', 'twice'), note('A-9', 'twice')]
  }
  t.throws(() => store.importState(broken),
    { message: 'note twice exists on A-9' })
  t.strictSame(store.exportState(), filledSnapshot(storeSeed))
})

test('rows left behind by a reset are swept away, after a reopen too',
  async t => {
    const dir = tempDir(t)
    const store = open(t, dir)
    for (let i = 0; i < 450; i++) {
      store.stageImportProcess(SUPPLIER, `BULK-${i}`, '{}', at(1))
    }
    fillStore(store)
    store.reset()
    store.close()
    const tables = ['import_processes', 'import_payloads', 'account_records',
      'scheduled_imports', 'refresh_tokens']
    const left = () => tables.map(table =>
      query(dir, `SELECT count(*) FROM ${table}`))
    t.strictSame(left(), [453, 453, 3, 2, 1], 'the reset deleted nothing')

    // The sweep goes on in the background of a reopened store; look from
    // time to time (closing the store to look), for at most 10 s.
    for (let tries = 0; tries < 100; tries++) {
      const reopened = open(t, dir)
      await tick(100)
      reopened.close()
      if (left().every(n => n === 0)) break
    }
    t.strictSame(left(), [0, 0, 0, 0, 0])
  })

test('a second store on the same data directory is refused while the ' +
  'first is open', async t => {
  const dir = tempDir(t)
  open(t, dir)
  t.throws(() => open(t, dir, { lockWaitMs: 50 }), {
    name: 'StoreOpenError',
    message: `cannot open the store at ${join(dir, DATABASE_FILE)}: ` +
      'another mock is using it'
  })
})

test('refuses a database written by a newer schema', async t => {
  const dir = tempDir(t)
  open(t, dir).close()
  const db = new Database(join(dir, DATABASE_FILE))
  db.prepare('UPDATE schema_version SET version = 99').run()
  db.close()
  t.throws(() => open(t, dir), {
    message: `the store at ${join(dir, DATABASE_FILE)} has schema version ` +
      `99; this build reads up to ${SCHEMA_VERSION}`
  })
})

test('keeps the request journal only when asked, apart from the state',
  async t => {
    const dir = tempDir(t)
    const plain = open(t, dir)
    t.equal(plain.journal, undefined)
    plain.close()

    const store = open(t, dir, { persistJournal: true })
    for (const n of [1, 2, 3, 4]) store.journal?.append(`{"n":${n}}`, 3)
    store.reset()
    t.strictSame(store.journal?.list(), ['{"n":2}', '{"n":3}', '{"n":4}'])
    store.close()

    const reopened = open(t, dir, { persistJournal: true })
    t.strictSame(reopened.journal?.list(), ['{"n":2}', '{"n":3}', '{"n":4}'])
    reopened.journal?.clear()
    t.strictSame(reopened.journal?.list(), [])
  })

test('createStore keeps state in memory unless a data directory is set',
  async t => {
    const memory = createStore({ dataDir: undefined }, storeSeed)
    t.teardown(() => memory.close())
    t.equal(memory.stageImportProcess(SUPPLIER, 'E-1', '{}', at(1)).created,
      true)

    const dir = join(tempDir(t), 'made', 'for', 'it')
    const stored = createStore({ dataDir: dir, persistJournal: true },
      storeSeed)
    t.teardown(() => stored.close())
    t.ok(existsSync(join(dir, DATABASE_FILE)), 'the directory is created')
    t.not(stored.journal, undefined)
  })

test('createStore names a data directory it cannot write to', async t => {
  const file = join(tempDir(t), 'a-file')
  writeFileSync(file, '')
  t.throws(() => createStore({ dataDir: join(file, 'data') }, storeSeed),
    new ConfigError(`MOCK_DATA_DIR ${join(file, 'data')} is not a writable ` +
      'directory (ENOTDIR)'))
})
