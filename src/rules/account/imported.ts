import type { RuleContext } from '../types.js'

// Values that must be unique across Kraken (account references, CAIS
// references) are claimed by account records of kind 'reference', keyed
// "<namespace>:<value>"; CAIS references use the namespace "cais". Whoever
// imports an account or adds a reference to one records the claim, so the
// rules look it up instead of reading every imported account.

export const CAIS_NAMESPACE = 'cais'

export function referenceKey (namespace: string, value: string): string {
  return `${namespace}:${value}`
}

// The account number this payload's account was imported under, if any.
function ownAccountNumber (ctx: RuleContext): string | null {
  const supplier = ctx.account?.import_supplier
  const ext = ctx.account?.external_account_number
  if (typeof supplier !== 'string' || typeof ext !== 'string') return null
  return ctx.store.findImportProcess(supplier, ext)?.krakenAccountNumber ??
    null
}

// Claimed by another account: re-sending an imported account's own data
// must meet "already imported", not a clash with itself.
export function isClaimed (ctx: RuleContext, namespace: string,
  value: string): boolean {
  const claims = ctx.store.findAccountRecordsByKey('reference',
    referenceKey(namespace, value))
  if (claims.length === 0) return false
  const own = ownAccountNumber(ctx)
  return claims.some(claim => claim.accountNumber !== own)
}
