import type { Test } from 'tap'
import type { Seed, SupplierStatus } from '../../src/seed/types.js'
import type {
  AccountRecord, ImportProcessRecord, RefreshTokenRecord,
  ScheduledImportRecord, Store, StoreSnapshot
} from '../../src/store/types.js'

// Builds a fresh, empty store for one test and closes it when it ends.
export type StoreFactory = (t: Test, seed: Seed) => Store

export const SUPPLIER = 'TENTACLE_ENERGY'
export const OTHER = 'TENTACLE_MANUAL'

// The stores read only the suppliers of a seed. A seed of their own keeps
// these tests about the stores, whatever the default seed gains.
const supplier = (code: string, status: SupplierStatus) => ({
  code,
  name: code.toLowerCase(),
  status,
  documentRoot: 'migration',
  bucket: 'bucket',
  autoAllocatedOperationsTeam: null,
  checkDocumentPathsExist: false
})
export const storeSeed = {
  importSuppliers: [supplier(SUPPLIER, 'Ongoing'), supplier(OTHER, 'Ongoing'),
    supplier('TENTACLE_COMPLETE', 'Complete')]
} as Pick<Seed, 'importSuppliers'> as Seed

export function at (day: number): string {
  return new Date(Date.UTC(2024, 4, day, 10)).toISOString()
}

export function note (accountNumber: string, key: string,
  day = 1): AccountRecord {
  return {
    kind: 'note',
    accountNumber,
    key,
    json: JSON.stringify({ body: `${key} on ${accountNumber}` }),
    createdAt: at(day)
  }
}

export function scheduled (externalIdentifier: string,
  status: ScheduledImportRecord['status']): ScheduledImportRecord {
  return {
    supplierCode: SUPPLIER,
    externalIdentifier,
    status,
    isDryRun: status.startsWith('DRY_RUN'),
    windowStart: at(1),
    windowEnd: at(2),
    payloadJson: `{"external_account_number":"${externalIdentifier}"}`,
    latestEvent: `${status} at ${at(1)}`,
    krakenIdentifier: status === 'PROCESSED' ? 'A-0000000A' : null,
    latestErrorJson: status === 'ERRORED' ? '{"code":"x"}' : null,
    createdAt: at(1),
    updatedAt: at(1)
  }
}

export function token (name: string, expiresAt = 1_800_000_000):
RefreshTokenRecord {
  return {
    token: `digest-of-${name}`,
    subject: 'organisation',
    grantType: 'API_KEY',
    expiresAt,
    origIat: 1_700_000_000
  }
}

// One of everything a store holds, so whole-state operations have
// something to keep, move or clear. Notes of two accounts are interleaved
// to pin down the order a snapshot lists them in.
export function fillStore (store: Store): void {
  store.stageImportProcess(SUPPLIER, 'E-1', '{"n":1}', at(1))
  store.stageImportProcess(OTHER, 'E-2', '{"n":2}', at(2))
  store.stageImportProcess(SUPPLIER, 'E-3', '{"n":3}', at(3))
  store.markImported(SUPPLIER, 'E-1', 'A-00000001', at(4))
  store.setSupplierStatus(OTHER, 'Paused')
  store.addAccountRecords([note('A-00000001', 'first')])
  store.addAccountRecords([note('A-00000002', 'other')])
  store.addAccountRecords([note('A-00000001', 'second', 2)])
  store.saveScheduledImport(scheduled('S-1', 'PENDING'))
  store.saveScheduledImport(scheduled('S-2', 'DRY_RUN_SUCCEEDED'))
  store.saveRefreshToken(token('one'))
}

// What fillStore leaves, as a snapshot.
export function filledSnapshot (seed: Seed): StoreSnapshot {
  return {
    version: 1,
    suppliers: seed.importSuppliers.map(s =>
      s.code === OTHER ? { ...s, status: 'Paused' } : s),
    importProcesses: [
      staged(SUPPLIER, 'E-1', 1, {
        krakenAccountNumber: 'A-00000001',
        accountCreatedAt: at(4),
        updatedAt: at(4)
      }),
      staged(OTHER, 'E-2', 2),
      staged(SUPPLIER, 'E-3', 3)
    ],
    accountRecords: [note('A-00000001', 'first'),
      note('A-00000001', 'second', 2), note('A-00000002', 'other')],
    scheduledImports: [scheduled('S-1', 'PENDING'),
      scheduled('S-2', 'DRY_RUN_SUCCEEDED')],
    refreshTokens: [token('one')]
  }
}

function staged (supplierCode: string, ext: string, n: number,
  changes: Partial<ImportProcessRecord> = {}): ImportProcessRecord {
  return {
    supplierCode,
    externalAccountNumber: ext,
    payloadJson: `{"n":${n}}`,
    stagedAt: at(n),
    updatedAt: at(n),
    krakenAccountNumber: null,
    accountCreatedAt: null,
    ...changes
  }
}
