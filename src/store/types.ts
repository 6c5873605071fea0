import type { SeedImportSupplier, SupplierStatus } from '../seed/types.js'

// One import process: an account's staged data for one supplier, and what
// became of it. Records handed out by a store are copies; change them only
// through the store.
export interface ImportProcessRecord {
  supplierCode: string
  externalAccountNumber: string
  // The validated account payload as JSON text, so both stores hold the same
  // thing and a caller can never mutate what is stored.
  payloadJson: string
  stagedAt: string
  updatedAt: string
  krakenAccountNumber: string | null
  accountCreatedAt: string | null
}

export interface ImportProcessSummary {
  externalAccountNumber: string
  krakenAccountNumber: string | null
  accountCreatedAt: string | null
}

export type ImportProcessFilter = 'all' | 'pending' | 'imported'

export interface SupplierRecord extends SeedImportSupplier {}

export interface StagingResult {
  created: boolean
  record: ImportProcessRecord
}

// Data attached to an imported account after the fact (notes,
// transactions, statements, payment instructions, registration flows), or
// claimed by it (references that must be unique across accounts). `key`
// identifies a record within its kind, e.g. a transaction id.
export type AccountRecordKind =
  | 'note' | 'transaction' | 'statement' | 'payment-instruction'
  | 'registration-flow' | 'reference'

export interface AccountRecord {
  kind: AccountRecordKind
  accountNumber: string
  key: string
  json: string
  createdAt: string
}

export type ScheduledImportStatus =
  | 'PENDING' | 'IN_PROGRESS' | 'PROCESSED' | 'ERRORED'
  | 'DRY_RUN_SUCCEEDED' | 'DRY_RUN_ERRORED'

// A v2 account import scheduled to run inside a time window.
export interface ScheduledImportRecord {
  supplierCode: string
  externalIdentifier: string
  status: ScheduledImportStatus
  isDryRun: boolean
  windowStart: string
  windowEnd: string
  payloadJson: string
  latestEvent: string
  krakenIdentifier: string | null
  latestErrorJson: string | null
  createdAt: string
  updatedAt: string
}

// Everything a store holds, as plain JSON: what /_mock/state exports and
// imports, and what a test suite can restore between cases.
export interface StoreSnapshot {
  version: 1
  suppliers: SupplierRecord[]
  importProcesses: ImportProcessRecord[]
  accountRecords: AccountRecord[]
  scheduledImports: ScheduledImportRecord[]
  refreshTokens: RefreshTokenRecord[]
}

export interface Store {
  findSupplier(code: string): SupplierRecord | undefined
  listSuppliers(): SupplierRecord[]
  setSupplierStatus(code: string, status: SupplierStatus): SupplierRecord

  findImportProcess(supplierCode: string, externalAccountNumber: string):
    ImportProcessRecord | undefined
  // Creates the process or replaces its payload; refuses nothing itself
  // (the domain decides whether staging is allowed).
  stageImportProcess(supplierCode: string, externalAccountNumber: string,
    payloadJson: string, at: string): StagingResult
  // Marks a staged process as imported under a fresh account number.
  markImported(supplierCode: string, externalAccountNumber: string,
    krakenAccountNumber: string, at: string): ImportProcessRecord
  listImportProcesses(supplierCode: string, filter: ImportProcessFilter):
  ImportProcessSummary[]
  hasAccountNumber(krakenAccountNumber: string): boolean

  saveRefreshToken(record: RefreshTokenRecord): void
  findRefreshToken(token: string): RefreshTokenRecord | undefined

  // Adds all the records or, when one's kind and key is taken for that
  // account, none of them (and throws).
  addAccountRecords(records: AccountRecord[]): void
  listAccountRecords(accountNumber: string, kind: AccountRecordKind):
  AccountRecord[]
  // Records of a kind with this key on any account (for uniqueness rules).
  findAccountRecordsByKey(kind: AccountRecordKind, key: string):
  AccountRecord[]

  saveScheduledImport(record: ScheduledImportRecord): void
  findScheduledImport(supplierCode: string, externalIdentifier: string):
    ScheduledImportRecord | undefined
  listScheduledImports(statuses: ScheduledImportStatus[]):
  ScheduledImportRecord[]

  exportState(): StoreSnapshot
  // Replaces the whole state with the snapshot's.
  importState(snapshot: StoreSnapshot): void

  // Back to the seed's state: no processes, supplier statuses as seeded.
  reset(): void
  close(): void
  counts(): { importProcesses: number, accounts: number }
  // Present when the store keeps the request journal itself (a persistent
  // store with MOCK_PERSIST_JOURNAL); otherwise the journal is in memory.
  journal?: JournalStore
}

// Request journal entries as JSON text, oldest first. Not part of the state:
// reset, exportState and importState leave it alone.
export interface JournalStore {
  // Adds an entry and keeps only the latest `keep`.
  append(entryJson: string, keep: number): void
  list(): string[]
  clear(): void
}

// A refresh token issued by obtainKrakenToken. Kraken's refresh tokens are
// opaque strings looked up server-side, so the store keeps them.
export interface RefreshTokenRecord {
  token: string
  subject: string
  grantType: string
  expiresAt: number
  origIat: number
}
