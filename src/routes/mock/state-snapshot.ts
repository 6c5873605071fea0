// What PUT /_mock/state accepts: a store snapshot, as GET /_mock/state
// exports it. The schema checks its shape; checkSnapshot checks that its
// parts agree with each other and with the seed, so a bad file is refused
// whole instead of leaving the store half replaced.
import type { FieldError } from '../../errors.js'
import { seedSchema } from '../../seed/seed-schema.js'
import type { Seed } from '../../seed/types.js'
import type {
  AccountRecord, AccountRecordKind, ImportProcessRecord, RefreshTokenRecord,
  ScheduledImportRecord, ScheduledImportStatus, StoreSnapshot
} from '../../store/types.js'

const RECORD_KINDS = ['note', 'transaction', 'statement',
  'payment-instruction', 'registration-flow', 'reference'] as const
const SCHEDULED_STATUSES = ['PENDING', 'IN_PROGRESS', 'PROCESSED', 'ERRORED',
  'DRY_RUN_SUCCEEDED', 'DRY_RUN_ERRORED'] as const

// The lists above must name every value the store's types allow: this
// type fails to compile when one is missing.
type Unlisted = Exclude<AccountRecordKind, typeof RECORD_KINDS[number]> |
  Exclude<ScheduledImportStatus, typeof SCHEDULED_STATUSES[number]>
type MustBeNever<T extends never> = T
export type SnapshotListsComplete = MustBeNever<Unlisted>

const text = { type: 'string' }
const key = { type: 'string', minLength: 1 }
const nullableText = { type: ['string', 'null'] }

// Typed by the record, so a field added to the store fails to compile here
// until the snapshot schema knows it.
function recordOf<T> (properties: Record<keyof T, object>): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties
  }
}

const supplierSchema = (seedSchema as {
  properties: { importSuppliers: { items: object } }
}).properties.importSuppliers.items

export const snapshotSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'suppliers', 'importProcesses', 'accountRecords',
    'scheduledImports', 'refreshTokens'],
  properties: {
    version: { type: 'integer', enum: [1] },
    suppliers: { type: 'array', items: supplierSchema },
    importProcesses: {
      type: 'array',
      items: recordOf<ImportProcessRecord>({
        supplierCode: key,
        externalAccountNumber: key,
        payloadJson: text,
        stagedAt: text,
        updatedAt: text,
        krakenAccountNumber: nullableText,
        accountCreatedAt: nullableText
      })
    },
    accountRecords: {
      type: 'array',
      items: recordOf<AccountRecord>({
        kind: { type: 'string', enum: RECORD_KINDS },
        accountNumber: key,
        key,
        json: text,
        createdAt: text
      })
    },
    scheduledImports: {
      type: 'array',
      items: recordOf<ScheduledImportRecord>({
        supplierCode: key,
        externalIdentifier: key,
        status: { type: 'string', enum: SCHEDULED_STATUSES },
        isDryRun: { type: 'boolean' },
        windowStart: text,
        windowEnd: text,
        payloadJson: text,
        latestEvent: text,
        krakenIdentifier: nullableText,
        latestErrorJson: nullableText,
        createdAt: text,
        updatedAt: text
      })
    },
    refreshTokens: {
      type: 'array',
      items: recordOf<RefreshTokenRecord>({
        token: key,
        subject: key,
        grantType: key,
        expiresAt: { type: 'number' },
        origIat: { type: 'number' }
      })
    }
  }
}

const MAX_ERRORS = 50

function isJson (value: string | null): boolean {
  if (value === null) return true
  try {
    JSON.parse(value)
    return true
  } catch {
    return false
  }
}

export function checkSnapshot (snapshot: StoreSnapshot, seed: Seed):
FieldError[] {
  const errors: FieldError[] = []
  const fail = (attr: string, detail: string, code = 'invalid'): void => {
    if (errors.length < MAX_ERRORS) errors.push({ detail, code, attr })
  }
  // Flags the second and later uses of a key within one list.
  const unique = (list: string, keys: string[], what: string): void => {
    const seen = new Set<string>()
    keys.forEach((k, i) => {
      if (seen.has(k)) fail(`${list}.${i}`, `${what} appears twice.`, 'unique')
      seen.add(k)
    })
  }
  const pair = (a: string, b: string): string => `${a}\u0000${b}`

  const suppliers = new Set(snapshot.suppliers.map(s => s.code))
  const teams = new Set(seed.operationsTeams.map(t => t.name))
  unique('suppliers', snapshot.suppliers.map(s => s.code), 'This code')
  snapshot.suppliers.forEach((s, i) => {
    const team = s.autoAllocatedOperationsTeam
    if (team !== null && !teams.has(team)) {
      fail(`suppliers.${i}.autoAllocatedOperationsTeam`,
        `The seed has no operations team "${team}".`, 'does_not_exist')
    }
  })

  const accounts = new Set<string>()
  unique('importProcesses', snapshot.importProcesses.map(p =>
    pair(p.supplierCode, p.externalAccountNumber)), 'This import process')
  snapshot.importProcesses.forEach((p, i) => {
    const at = `importProcesses.${i}`
    if (!suppliers.has(p.supplierCode)) {
      fail(`${at}.supplierCode`, `No supplier "${p.supplierCode}" in the ` +
        'snapshot.', 'does_not_exist')
    }
    if (!isJson(p.payloadJson)) fail(`${at}.payloadJson`, 'Not JSON text.')
    const number = p.krakenAccountNumber
    if (number === null) return
    if (accounts.has(number)) {
      fail(`${at}.krakenAccountNumber`, 'This account number is taken.',
        'unique')
    }
    accounts.add(number)
  })

  unique('accountRecords', snapshot.accountRecords.map(r =>
    pair(r.accountNumber, pair(r.kind, r.key))), 'This record')
  snapshot.accountRecords.forEach((r, i) => {
    if (!accounts.has(r.accountNumber)) {
      fail(`accountRecords.${i}.accountNumber`, 'No imported account ' +
        `"${r.accountNumber}" in the snapshot.`, 'does_not_exist')
    }
    if (!isJson(r.json)) fail(`accountRecords.${i}.json`, 'Not JSON text.')
  })

  unique('scheduledImports', snapshot.scheduledImports.map(r =>
    pair(r.supplierCode, r.externalIdentifier)), 'This scheduled import')
  snapshot.scheduledImports.forEach((r, i) => {
    if (!suppliers.has(r.supplierCode)) {
      fail(`scheduledImports.${i}.supplierCode`, 'No supplier ' +
        `"${r.supplierCode}" in the snapshot.`, 'does_not_exist')
    }
    if (!isJson(r.payloadJson) || !isJson(r.latestErrorJson)) {
      fail(`scheduledImports.${i}`, 'payloadJson and latestErrorJson ' +
        'must be JSON text.')
    }
  })

  unique('refreshTokens', snapshot.refreshTokens.map(t => t.token),
    'This refresh token')
  return errors
}
