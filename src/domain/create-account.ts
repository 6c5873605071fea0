import { randomFillSync } from 'node:crypto'
import {
  CAIS_NAMESPACE, referenceKey
} from '../rules/account/imported.js'
import type { AccountRecord, Store } from '../store/types.js'

// Turning a staged import process into a Kraken account, shared by v1
// processing and v2 scheduled imports.

// Random bytes drawn a page at a time: one call to the system's generator
// costs as much as formatting a thousand account numbers.
const pool = Buffer.alloc(4096)
let used = pool.length

function randomHex8 (): string {
  if (used + 4 > pool.length) {
    randomFillSync(pool)
    used = 0
  }
  used += 4
  return pool.toString('hex', used - 4, used).toUpperCase()
}

export function allocateAccountNumber (store: Store): string {
  for (;;) {
    const candidate = 'A-' + randomHex8()
    if (!store.hasAccountNumber(candidate)) return candidate
  }
}

interface Claimable {
  references?: Array<{ namespace?: unknown, value?: unknown }>
  debts?: Array<{ cais_reference?: unknown }>
}

// Values that must stay unique across accounts become the account's from
// the moment it exists, so later payloads that reuse them are refused.
function referenceClaims (payload: Claimable, accountNumber: string,
  at: string): AccountRecord[] {
  const keys = new Set<string>()
  for (const ref of payload.references ?? []) {
    if (typeof ref.namespace === 'string' && typeof ref.value === 'string') {
      keys.add(referenceKey(ref.namespace, ref.value))
    }
  }
  for (const debt of payload.debts ?? []) {
    if (typeof debt.cais_reference === 'string' && debt.cais_reference !== '') {
      keys.add(referenceKey(CAIS_NAMESPACE, debt.cais_reference))
    }
  }
  return [...keys].map(key => ({
    kind: 'reference',
    accountNumber,
    key,
    json: '{}',
    createdAt: at
  }))
}

// `payload` is the staged account, as parsed from the staged JSON.
export function createAccount (store: Store, supplierCode: string,
  externalAccountNumber: string, payload: unknown, at: string): string {
  const number = allocateAccountNumber(store)
  store.markImported(supplierCode, externalAccountNumber, number, at)
  store.addAccountRecords(referenceClaims(payload as Claimable, number, at))
  return number
}
