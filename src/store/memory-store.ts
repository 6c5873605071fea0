import type { Seed, SupplierStatus } from '../seed/types.js'
import type {
  AccountRecord, AccountRecordKind, ImportProcessFilter, ImportProcessRecord,
  ImportProcessSummary, RefreshTokenRecord, ScheduledImportRecord,
  StagingResult, Store, StoreSnapshot, SupplierRecord
} from './types.js'

// Payloads are kept as UTF-8 bytes: a staged account is mostly text, and
// bytes outside the JS heap are about half the size of a JS string of it.
interface StoredProcess extends Omit<ImportProcessRecord, 'payloadJson'> {
  payload: Buffer
}

export const MAX_REFRESH_TOKENS = 10_000

function keyOf (supplierCode: string, externalAccountNumber: string): string {
  return `${supplierCode}\u0000${externalAccountNumber}`
}

// The payload is decoded when first read: most callers want only the
// process's state. A restaged payload is a new Buffer, never a changed
// one, so the record still reads the payload it was made with.
function toRecord (stored: StoredProcess): ImportProcessRecord {
  const { payload } = stored
  let json: string | undefined
  return {
    supplierCode: stored.supplierCode,
    externalAccountNumber: stored.externalAccountNumber,
    get payloadJson () { return (json ??= payload.toString('utf8')) },
    // A copy like any other: changing it changes nothing stored.
    set payloadJson (value: string) { json = value },
    stagedAt: stored.stagedAt,
    updatedAt: stored.updatedAt,
    krakenAccountNumber: stored.krakenAccountNumber,
    accountCreatedAt: stored.accountCreatedAt
  }
}

export function createMemoryStore (seed: Seed): Store {
  let suppliers = new Map<string, SupplierRecord>()
  let processes = new Map<string, StoredProcess>()
  // Per supplier, in staging order, so listing does not scan everything.
  let bySupplier = new Map<string, StoredProcess[]>()
  let accountNumbers = new Set<string>()
  let refreshTokens = new Map<string, RefreshTokenRecord>()
  // Account records by account and kind, and by kind and key.
  let records = new Map<string, AccountRecord[]>()
  let recordsByKey = new Map<string, AccountRecord[]>()
  let scheduled = new Map<string, ScheduledImportRecord>()

  function reset (): void {
    suppliers = new Map(seed.importSuppliers.map(s => [s.code, { ...s }]))
    processes = new Map()
    bySupplier = new Map()
    accountNumbers = new Set()
    refreshTokens = new Map()
    records = new Map()
    recordsByKey = new Map()
    scheduled = new Map()
  }
  reset()

  function pushTo<T> (map: Map<string, T[]>, key: string, item: T): void {
    const list = map.get(key)
    if (list === undefined) map.set(key, [item])
    else list.push(item)
  }

  function addAccountRecords (added: AccountRecord[]): void {
    const seen = new Set<string>()
    for (const r of added) {
      const id = `${r.accountNumber}\u0000${r.kind}\u0000${r.key}`
      const taken = (recordsByKey.get(`${r.kind}\u0000${r.key}`) ?? [])
        .some(o => o.accountNumber === r.accountNumber)
      if (taken || seen.has(id)) {
        throw new Error(`${r.kind} ${r.key} exists on ${r.accountNumber}`)
      }
      seen.add(id)
    }
    for (const r of added) {
      const copy = { ...r }
      pushTo(records, `${r.accountNumber}\u0000${r.kind}`, copy)
      pushTo(recordsByKey, `${r.kind}\u0000${r.key}`, copy)
    }
  }

  function listAccountRecords (accountNumber: string,
    kind: AccountRecordKind): AccountRecord[] {
    return (records.get(`${accountNumber}\u0000${kind}`) ?? [])
      .map(r => ({ ...r }))
  }

  function exportState (): StoreSnapshot {
    return {
      version: 1,
      suppliers: [...suppliers.values()].map(s => ({ ...s })),
      importProcesses: [...processes.values()].map(toRecord),
      accountRecords: [...records.values()].flat().map(r => ({ ...r })),
      scheduledImports: [...scheduled.values()].map(r => ({ ...r })),
      refreshTokens: [...refreshTokens.values()].map(r => ({ ...r }))
    }
  }

  function importState (snapshot: StoreSnapshot): void {
    reset()
    suppliers = new Map(snapshot.suppliers.map(s => [s.code, { ...s }]))
    for (const p of snapshot.importProcesses) {
      const { payloadJson, ...rest } = p
      const stored = { ...rest, payload: Buffer.from(payloadJson, 'utf8') }
      processes.set(keyOf(p.supplierCode, p.externalAccountNumber), stored)
      pushTo(bySupplier, p.supplierCode, stored)
      if (p.krakenAccountNumber !== null) {
        accountNumbers.add(p.krakenAccountNumber)
      }
    }
    addAccountRecords(snapshot.accountRecords)
    for (const r of snapshot.scheduledImports) {
      scheduled.set(keyOf(r.supplierCode, r.externalIdentifier), { ...r })
    }
    for (const t of snapshot.refreshTokens) refreshTokens.set(t.token, { ...t })
  }

  function findStored (supplierCode: string, ext: string): StoredProcess {
    const stored = processes.get(keyOf(supplierCode, ext))
    if (stored === undefined) {
      throw new Error(`no import process ${supplierCode}/${ext}`)
    }
    return stored
  }

  return {
    findSupplier: (code) => {
      const found = suppliers.get(code)
      return found === undefined ? undefined : { ...found }
    },
    listSuppliers: () => [...suppliers.values()].map(s => ({ ...s })),
    setSupplierStatus (code: string, status: SupplierStatus) {
      const found = suppliers.get(code)
      if (found === undefined) throw new Error(`no import supplier ${code}`)
      found.status = status
      return { ...found }
    },

    findImportProcess (supplierCode, ext) {
      const stored = processes.get(keyOf(supplierCode, ext))
      return stored === undefined ? undefined : toRecord(stored)
    },
    stageImportProcess (supplierCode, ext, payloadJson, at): StagingResult {
      const payload = Buffer.from(payloadJson, 'utf8')
      const existing = processes.get(keyOf(supplierCode, ext))
      if (existing !== undefined) {
        existing.payload = payload
        existing.updatedAt = at
        return { created: false, record: toRecord(existing) }
      }
      const stored: StoredProcess = {
        supplierCode,
        externalAccountNumber: ext,
        payload,
        stagedAt: at,
        updatedAt: at,
        krakenAccountNumber: null,
        accountCreatedAt: null
      }
      processes.set(keyOf(supplierCode, ext), stored)
      const list = bySupplier.get(supplierCode) ?? []
      list.push(stored)
      bySupplier.set(supplierCode, list)
      return { created: true, record: toRecord(stored) }
    },
    markImported (supplierCode, ext, krakenAccountNumber, at) {
      const stored = findStored(supplierCode, ext)
      if (accountNumbers.has(krakenAccountNumber)) {
        throw new Error(`account number ${krakenAccountNumber} is taken`)
      }
      stored.krakenAccountNumber = krakenAccountNumber
      stored.accountCreatedAt = at
      stored.updatedAt = at
      accountNumbers.add(krakenAccountNumber)
      return toRecord(stored)
    },
    listImportProcesses (supplierCode, filter: ImportProcessFilter) {
      const out: ImportProcessSummary[] = []
      for (const p of bySupplier.get(supplierCode) ?? []) {
        const imported = p.krakenAccountNumber !== null
        if (filter === 'pending' && imported) continue
        if (filter === 'imported' && !imported) continue
        out.push({
          externalAccountNumber: p.externalAccountNumber,
          krakenAccountNumber: p.krakenAccountNumber,
          accountCreatedAt: p.accountCreatedAt
        })
      }
      return out
    },
    hasAccountNumber: (n) => accountNumbers.has(n),

    saveRefreshToken (record) {
      refreshTokens.set(record.token, { ...record })
      // Every obtainKrakenToken call makes one; past the cap the oldest
      // goes, so a long run's memory stays bounded.
      if (refreshTokens.size > MAX_REFRESH_TOKENS) {
        const oldest = refreshTokens.keys().next().value
        if (oldest !== undefined) refreshTokens.delete(oldest)
      }
    },
    findRefreshToken (token) {
      const found = refreshTokens.get(token)
      return found === undefined ? undefined : { ...found }
    },

    addAccountRecords,
    listAccountRecords,
    findAccountRecordsByKey: (kind, key) =>
      (recordsByKey.get(`${kind}\u0000${key}`) ?? []).map(r => ({ ...r })),

    saveScheduledImport (record) {
      scheduled.set(keyOf(record.supplierCode, record.externalIdentifier),
        { ...record })
    },
    findScheduledImport (supplierCode, externalIdentifier) {
      const found = scheduled.get(keyOf(supplierCode, externalIdentifier))
      return found === undefined ? undefined : { ...found }
    },
    listScheduledImports: (statuses) => [...scheduled.values()]
      .filter(r => statuses.includes(r.status)).map(r => ({ ...r })),

    exportState,
    importState,
    reset,
    close: () => {},
    counts: () => ({
      importProcesses: processes.size,
      accounts: accountNumbers.size
    })
  }
}
