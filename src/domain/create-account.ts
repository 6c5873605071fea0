import { randomFillSync } from 'node:crypto'
import {
  CAIS_NAMESPACE, referenceKey
} from '../rules/account/imported.js'
import type { AccountRecord, Store } from '../store/types.js'

// Turning a staged import process into a Kraken account, shared by v1
// processing and v2 scheduled imports.

// Random bytes drawn a page at a time: on Node 20, four bytes from their
// own randomBytes call took about 2.3 µs per account number, four from a
// page filled 1,024 numbers at a time about 0.2 µs.
const randomPage = Buffer.alloc(4096)
let randomUsed = randomPage.length

function randomHex8 (): string {
  if (randomUsed + 4 > randomPage.length) {
    randomFillSync(randomPage)
    randomUsed = 0
  }
  randomUsed += 4
  return randomPage.toString('hex', randomUsed - 4, randomUsed).toUpperCase()
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
