import { join } from 'node:path'
import type { Seed, SupplierStatus } from '../seed/types.js'
import { createGenerations } from './sqlite-generations.js'
import { openDatabase } from './sqlite-schema.js'
import {
  insertRecords, prepareStatements, type Row, saveScheduled, saveToken,
  toScheduled, toSupplier
} from './sqlite-statements.js'
import type {
  AccountRecord, ImportProcessRecord, ImportProcessSummary, JournalStore,
  RefreshTokenRecord, StagingResult, Store
} from './types.js'

export const DATABASE_FILE = 'mock-state.sqlite'

export interface SqliteStoreOptions {
  // Keep the request journal in the database too (MOCK_PERSIST_JOURNAL).
  persistJournal?: boolean
  // How long to wait for another mock to release the data directory.
  lockWaitMs?: number
}

// The persistent store: everything lives in SQLite and is read back through
// prepared statements, so memory use does not grow with what is stored.
export function createSqliteStore (dataDir: string, seed: Seed,
  options: SqliteStoreOptions = {}): Store {
  const db = openDatabase(join(dataDir, DATABASE_FILE), options.lockWaitMs)
  const q = prepareStatements(db)
  let gen = q.generation.pluck().get() as number
  const lists = {
    all: q.listAll, pending: q.listPending, imported: q.listImported
  }

  function insertSeedSuppliers (): void {
    for (const s of seed.importSuppliers) {
      q.insertSupplier.run(s.code, JSON.stringify(s))
    }
  }
  // A reopened store keeps its suppliers and their statuses; one the seed
  // gained since is added, so a newer seed works without a reset.
  db.transaction(insertSeedSuppliers)()

  const generations = createGenerations(db, q, {
    current: () => gen,
    committed: next => { gen = next }
  })

  function findImportProcess (supplier: string, ext: string):
  ImportProcessRecord | undefined {
    return q.findProcess.get(gen, supplier, ext) as
      ImportProcessRecord | undefined
  }

  // Insert or update in one transaction, so restaging is a single commit.
  const stage = db.transaction((supplier: string, ext: string,
    payloadJson: string, at: string): StagingResult => {
    const old = q.findProcessHead.get(gen, supplier, ext) as Row | undefined
    if (old === undefined) {
      const { lastInsertRowid } = q.insertProcess.run(gen, supplier, ext,
        null, null, at, at)
      q.savePayload.run(lastInsertRowid, payloadJson)
    } else {
      q.restaged.run(at, old.id)
      q.savePayload.run(old.id, payloadJson)
    }
    const record: ImportProcessRecord = {
      supplierCode: supplier,
      externalAccountNumber: ext,
      payloadJson,
      stagedAt: (old?.stagedAt ?? at) as string,
      updatedAt: at,
      krakenAccountNumber: (old?.krakenAccountNumber ?? null) as string | null,
      accountCreatedAt: (old?.accountCreatedAt ?? null) as string | null
    }
    return { created: old === undefined, record }
  })

  const addAccountRecords = db.transaction((records: AccountRecord[]) => {
    insertRecords(q, gen, records)
  })

  const journal: JournalStore = {
    append (entryJson, keep) {
      const id = Number(q.appendJournal.run(entryJson).lastInsertRowid)
      q.trimJournal.run(id - keep)
    },
    list: () => q.listJournal.pluck().all() as string[],
    clear: () => { q.clearJournal.run() }
  }

  return {
    findSupplier (code) {
      const json = q.findSupplier.pluck().get(code) as string | undefined
      return json === undefined ? undefined : toSupplier(json)
    },
    listSuppliers: () => (q.listSuppliers.pluck().all() as string[])
      .map(toSupplier),
    setSupplierStatus (code: string, status: SupplierStatus) {
      const json = q.findSupplier.pluck().get(code) as string | undefined
      if (json === undefined) throw new Error(`no import supplier ${code}`)
      const supplier = { ...toSupplier(json), status }
      q.updateSupplier.run(JSON.stringify(supplier), code)
      return supplier
    },

    findImportProcess,
    stageImportProcess: (supplier, ext, payloadJson, at) =>
      stage(supplier, ext, payloadJson, at),
    markImported (supplier, ext, krakenAccountNumber, at) {
      if (q.hasAccountNumber.get(gen, krakenAccountNumber) !== undefined) {
        throw new Error(`account number ${krakenAccountNumber} is taken`)
      }
      const done = q.markImported.run(krakenAccountNumber, at, at, gen,
        supplier, ext)
      if (done.changes === 0) {
        throw new Error(`no import process ${supplier}/${ext}`)
      }
      return findImportProcess(supplier, ext) as ImportProcessRecord
    },
    listImportProcesses: (supplier, filter) =>
      lists[filter].all(gen, supplier) as ImportProcessSummary[],
    hasAccountNumber: (n) => q.hasAccountNumber.get(gen, n) !== undefined,

    saveRefreshToken: (record) => saveToken(q, gen, record),
    findRefreshToken: (token) =>
      q.findToken.get(gen, token) as RefreshTokenRecord | undefined,

    addAccountRecords: (records) => { addAccountRecords(records) },
    listAccountRecords: (accountNumber, kind) =>
      q.listRecords.all(gen, accountNumber, kind) as AccountRecord[],
    findAccountRecordsByKey: (kind, key) =>
      q.recordsByKey.all(gen, kind, key) as AccountRecord[],

    saveScheduledImport: (record) => saveScheduled(q, gen, record),
    findScheduledImport (supplier, externalIdentifier) {
      const row = q.findScheduled.get(gen, supplier, externalIdentifier)
      return row === undefined ? undefined : toScheduled(row as Row)
    },
    listScheduledImports: (statuses) => (q.listScheduled
      .all(gen, JSON.stringify(statuses)) as Row[]).map(toScheduled),

    exportState: generations.exportState,
    importState: generations.importState,
    reset: () => generations.replace(() => {
      q.deleteSuppliers.run()
      insertSeedSuppliers()
    }),
    close () {
      generations.stop()
      if (db.open) db.close()
    },
    counts: () => q.counts.get(gen) as
      { importProcesses: number, accounts: number },
    ...(options.persistJournal === true ? { journal } : {})
  }
}
