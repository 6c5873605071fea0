import type Database from 'better-sqlite3'
import { GENERATION_TABLES } from './sqlite-schema.js'
import {
  insertProcess, insertRecords, type Row, saveScheduled, saveToken,
  type Statements, toScheduled, toSupplier
} from './sqlite-statements.js'
import type {
  AccountRecord, ImportProcessRecord, RefreshTokenRecord, StoreSnapshot
} from './types.js'

export interface Generation {
  current: () => number
  // Called once a new generation is committed.
  committed: (next: number) => void
}

// Rows of old generations deleted per turn of the event loop: few enough
// that a request queued behind a turn hardly notices it.
const SWEEP_BATCH = 200

// Deletes the rows that reset and importState left behind, a batch per
// turn of the event loop, until none is left. A new row takes the highest
// id plus one, so old rows always have the lowest ids: deleting in id
// order frees neighbouring pages and stops where the current rows begin.
function createSweeper (db: Database.Database, current: () => number) {
  const oldest = (table: string) => `SELECT id FROM ${table}
    WHERE generation < ? ORDER BY id LIMIT ${SWEEP_BATCH}`
  const tables = GENERATION_TABLES.map(table => ({
    // Through the generation index: no scan once the table is clean.
    any: db.prepare(`SELECT 1 FROM ${table} WHERE generation < ?`),
    removes: [
      ...(table === 'import_processes'
        ? [db.prepare(`DELETE FROM import_payloads
            WHERE process_id IN (${oldest(table)})`)]
        : []),
      db.prepare(`DELETE FROM ${table} WHERE id IN (${oldest(table)})`)
    ]
  }))
  const turn = db.transaction(() => {
    let deleted = 0
    for (const { any, removes } of tables) {
      if (any.get(current()) === undefined) continue
      for (const remove of removes) deleted += remove.run(current()).changes
    }
    return deleted
  })
  let pending: NodeJS.Immediate | undefined

  function sweep (): void {
    pending = undefined
    if (db.open && turn() > 0) start()
  }
  function start (): void {
    pending ??= setImmediate(sweep).unref()
  }
  function stop (): void {
    if (pending !== undefined) clearImmediate(pending)
    pending = undefined
  }
  return { start, stop }
}

// Whole-state operations of the persistent store. Each writes a new
// generation in one transaction, so a failure leaves the old state whole
// and a crash never leaves half of a reset or an import.
export function createGenerations (db: Database.Database, q: Statements,
  generation: Generation) {
  const sweeper = createSweeper(db, generation.current)
  sweeper.start()

  function replace (fill: (next: number) => void): void {
    const next = generation.current() + 1
    db.transaction(() => {
      q.setGeneration.run(next)
      fill(next)
    })()
    generation.committed(next)
    sweeper.start()
  }

  function exportState (): StoreSnapshot {
    const gen = generation.current()
    return {
      version: 1,
      suppliers: (q.listSuppliers.pluck().all() as string[]).map(toSupplier),
      importProcesses: q.exportProcesses.all(gen) as ImportProcessRecord[],
      accountRecords: q.exportRecords.all(gen) as AccountRecord[],
      scheduledImports: (q.exportScheduled.all(gen) as Row[])
        .map(toScheduled),
      refreshTokens: q.exportTokens.all(gen) as RefreshTokenRecord[]
    }
  }

  function importState (snapshot: StoreSnapshot): void {
    replace(next => {
      q.deleteSuppliers.run()
      for (const s of snapshot.suppliers) {
        q.insertSupplier.run(s.code, JSON.stringify(s))
      }
      for (const p of snapshot.importProcesses) insertProcess(q, next, p)
      insertRecords(q, next, snapshot.accountRecords)
      for (const r of snapshot.scheduledImports) saveScheduled(q, next, r)
      for (const t of snapshot.refreshTokens) saveToken(q, next, t)
    })
  }

  return { replace, exportState, importState, stop: sweeper.stop }
}
