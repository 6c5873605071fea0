import type Database from 'better-sqlite3'
import type {
  AccountRecord, ImportProcessRecord, RefreshTokenRecord,
  ScheduledImportRecord, SupplierRecord
} from './types.js'

// The persistent store's SQL, prepared once per open database. Columns are
// aliased to the record fields, so most rows come back as records as they
// are. Every query names its generation (see sqlite-schema.ts).

const PROCESS = `supplier_code AS supplierCode,
  external_account_number AS externalAccountNumber,
  payload_json AS payloadJson, staged_at AS stagedAt, updated_at AS updatedAt,
  kraken_account_number AS krakenAccountNumber,
  account_created_at AS accountCreatedAt
  FROM import_processes JOIN import_payloads ON process_id = id`
const SUMMARY = `external_account_number AS externalAccountNumber,
  kraken_account_number AS krakenAccountNumber,
  account_created_at AS accountCreatedAt`
const RECORD = `kind, account_number AS accountNumber, key, json,
  created_at AS createdAt`
const TOKEN = `token, subject, grant_type AS grantType,
  expires_at AS expiresAt, orig_iat AS origIat`
const SCHEDULED = `supplier_code AS supplierCode,
  external_identifier AS externalIdentifier, status, is_dry_run AS isDryRun,
  window_start AS windowStart, window_end AS windowEnd,
  payload_json AS payloadJson, latest_event AS latestEvent,
  kraken_identifier AS krakenIdentifier, latest_error_json AS latestErrorJson,
  created_at AS createdAt, updated_at AS updatedAt`
const SCHEDULED_FIELDS = ['status', 'is_dry_run', 'window_start', 'window_end',
  'latest_event', 'kraken_identifier', 'latest_error_json', 'created_at',
  'updated_at', 'payload_json']

const PROCESS_KEY = `generation = ? AND supplier_code = ?
  AND external_account_number = ?`
// Named, because for the pending filter the planner would otherwise pick
// the account number index and read every row, payload and all.
const LISTING = `SELECT ${SUMMARY}
  FROM import_processes INDEXED BY import_processes_listing
  WHERE generation = ? AND supplier_code = ?`

export const SQL = {
  generation: 'SELECT current FROM store_generation',
  setGeneration: 'UPDATE store_generation SET current = ?',

  deleteSuppliers: 'DELETE FROM suppliers',
  insertSupplier: `INSERT INTO suppliers (code, record_json) VALUES (?, ?)
    ON CONFLICT (code) DO NOTHING`,
  findSupplier: 'SELECT record_json FROM suppliers WHERE code = ?',
  listSuppliers: 'SELECT record_json FROM suppliers ORDER BY position',
  updateSupplier: 'UPDATE suppliers SET record_json = ? WHERE code = ?',

  findProcess: `SELECT ${PROCESS} WHERE ${PROCESS_KEY}`,
  findProcessHead: `SELECT id, staged_at AS stagedAt,
    kraken_account_number AS krakenAccountNumber,
    account_created_at AS accountCreatedAt
    FROM import_processes WHERE ${PROCESS_KEY}`,
  insertProcess: `INSERT INTO import_processes (generation, supplier_code,
    external_account_number, kraken_account_number, account_created_at,
    staged_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  restaged: 'UPDATE import_processes SET updated_at = ? WHERE id = ?',
  savePayload: `INSERT INTO import_payloads (process_id, payload_json)
    VALUES (?, ?) ON CONFLICT (process_id)
    DO UPDATE SET payload_json = excluded.payload_json`,
  markImported: `UPDATE import_processes SET kraken_account_number = ?,
    account_created_at = ?, updated_at = ? WHERE ${PROCESS_KEY}`,
  hasAccountNumber: `SELECT 1 FROM import_processes
    WHERE generation = ? AND kraken_account_number = ?`,
  listAll: `${LISTING} ORDER BY id`,
  listPending: `${LISTING} AND kraken_account_number IS NULL ORDER BY id`,
  listImported: `${LISTING} AND kraken_account_number IS NOT NULL
    ORDER BY id`,
  counts: `SELECT COUNT(*) AS importProcesses,
    COUNT(kraken_account_number) AS accounts
    FROM import_processes WHERE generation = ?`,
  exportProcesses: `SELECT ${PROCESS} WHERE generation = ? ORDER BY id`,

  insertRecord: `INSERT INTO account_records (generation, account_number,
    kind, key, created_at, json) VALUES (?, ?, ?, ?, ?, ?)`,
  listRecords: `SELECT ${RECORD} FROM account_records
    WHERE generation = ? AND account_number = ? AND kind = ? ORDER BY id`,
  recordsByKey: `SELECT ${RECORD} FROM account_records
    WHERE generation = ? AND kind = ? AND key = ? ORDER BY id`,
  // Grouped by account and kind in the order each group began, as the
  // memory store exports them, so both stores give the same snapshot.
  exportRecords: `SELECT ${RECORD} FROM account_records r
    WHERE generation = ? ORDER BY (SELECT min(g.id) FROM account_records g
      WHERE g.generation = r.generation
        AND g.account_number = r.account_number AND g.kind = r.kind), id`,

  saveToken: `INSERT INTO refresh_tokens (generation, token, subject,
    grant_type, expires_at, orig_iat) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (generation, token) DO UPDATE SET subject = excluded.subject,
      grant_type = excluded.grant_type, expires_at = excluded.expires_at,
      orig_iat = excluded.orig_iat`,
  findToken: `SELECT ${TOKEN} FROM refresh_tokens
    WHERE generation = ? AND token = ?`,
  exportTokens: `SELECT ${TOKEN} FROM refresh_tokens
    WHERE generation = ? ORDER BY id`,

  // An upsert keeps the row id, so a saved import keeps its place in lists.
  saveScheduled: `INSERT INTO scheduled_imports (generation, supplier_code,
    external_identifier, ${SCHEDULED_FIELDS.join(', ')})
    VALUES (${Array(13).fill('?').join(', ')})
    ON CONFLICT (generation, supplier_code, external_identifier) DO UPDATE
    SET ${SCHEDULED_FIELDS.map(f => `${f} = excluded.${f}`).join(', ')}`,
  findScheduled: `SELECT ${SCHEDULED} FROM scheduled_imports
    WHERE generation = ? AND supplier_code = ? AND external_identifier = ?`,
  listScheduled: `SELECT ${SCHEDULED} FROM scheduled_imports
    WHERE generation = ? AND status IN (SELECT value FROM json_each(?))
    ORDER BY id`,
  exportScheduled: `SELECT ${SCHEDULED} FROM scheduled_imports
    WHERE generation = ? ORDER BY id`,

  appendJournal: 'INSERT INTO journal (entry_json) VALUES (?)',
  trimJournal: 'DELETE FROM journal WHERE id <= ?',
  listJournal: 'SELECT entry_json FROM journal ORDER BY id',
  clearJournal: 'DELETE FROM journal'
}

export type Statements = { [K in keyof typeof SQL]: Database.Statement }
export type Row = Record<string, unknown>

export function prepareStatements (db: Database.Database): Statements {
  const entries = Object.entries(SQL).map(([name, sql]) =>
    [name, db.prepare(sql)])
  return Object.fromEntries(entries) as Statements
}

export function toSupplier (json: string): SupplierRecord {
  return JSON.parse(json) as SupplierRecord
}

export function toScheduled (row: Row): ScheduledImportRecord {
  return { ...row, isDryRun: row.isDryRun === 1 } as ScheduledImportRecord
}

// All the records or none: the caller runs this inside a transaction.
export function insertRecords (q: Statements, gen: number,
  records: AccountRecord[]): void {
  for (const r of records) {
    try {
      q.insertRecord.run(gen, r.accountNumber, r.kind, r.key, r.createdAt,
        r.json)
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') {
        throw err
      }
      throw new Error(`${r.kind} ${r.key} exists on ${r.accountNumber}`)
    }
  }
}

// Adds a process and its payload; returns nothing the caller lacks.
export function insertProcess (q: Statements, gen: number,
  p: ImportProcessRecord): void {
  const { lastInsertRowid } = q.insertProcess.run(gen, p.supplierCode,
    p.externalAccountNumber, p.krakenAccountNumber, p.accountCreatedAt,
    p.stagedAt, p.updatedAt)
  q.savePayload.run(lastInsertRowid, p.payloadJson)
}

export function saveToken (q: Statements, gen: number,
  r: RefreshTokenRecord): void {
  q.saveToken.run(gen, r.token, r.subject, r.grantType, r.expiresAt,
    r.origIat)
}

export function saveScheduled (q: Statements, gen: number,
  r: ScheduledImportRecord): void {
  q.saveScheduled.run(gen, r.supplierCode, r.externalIdentifier, r.status,
    r.isDryRun ? 1 : 0, r.windowStart, r.windowEnd, r.latestEvent,
    r.krakenIdentifier, r.latestErrorJson, r.createdAt, r.updatedAt,
    r.payloadJson)
}
