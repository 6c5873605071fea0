import { gb } from '../../market/gb.js'
import type { SeedImportSupplier } from '../../seed/types.js'
import { parseDateTime } from '../../validation/temporal.js'
import { type FieldCheck, fieldRule } from '../builders.js'
import type { Rule, RuleContext } from '../types.js'
import { isObj, KeptLast, keptFor, list, type Obj, text } from '../readers.js'
import { pointsOf } from '../supply/supply.js'

export { isObj, list, type Obj, text }

// Readers shared by the account rules. Field validation has shaped what
// the rules see, so these only guard against what it leaves open (absent
// or null fields, and the undocumented parts a few rules read).

export const NON_FIELD = 'non_field_errors'

// Kraken GB reads naive datetimes and "today" in the market's timezone.
export { today } from '../supply/dates.js'

// Whether a field was given at all: present, not null, not blank, and not
// an empty list.
export function given (owner: Obj, key: string): boolean {
  const value = owner[key]
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

export {
  fieldRule, finding as found, objectRule
} from '../builders.js'

// A rule on a field holding a list or a nested object: DRF reports what
// such a field's validators find under the field's own non_field_errors.
export function nestedFieldRule (component: string, field: string,
  codes: string[], check: FieldCheck): Rule {
  return fieldRule(component, field, codes, (value, owner, ctx) =>
    check(value, owner, ctx).map(f =>
      ({ code: f.code, detail: f.detail, at: f.at ?? NON_FIELD })))
}

// A datetime field as epoch milliseconds; undefined when absent.
export function instant (value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const parsed = parseDateTime(value, gb.timezone)
  return parsed.ok ? parsed.instant.getTime() : undefined
}

// A date field (YYYY-MM-DD compares correctly as text); undefined when
// absent or null.
export function date (owner: Obj, key: string): string | undefined {
  const value = owner[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

export { addDays } from '../../lib/zoned-time.js'

const SCALE = 10
// Decimal amounts as integers in units of 10^-10, so sums are exact.
export function amount (value: unknown): bigint | undefined {
  const textValue = typeof value === 'number' ? String(value) : value
  if (typeof textValue !== 'string') return undefined
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(textValue.trim())
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) {
    return undefined
  }
  const fraction = (match[3] ?? '').slice(0, SCALE).padEnd(SCALE, '0')
  const whole = BigInt((match[2] ?? '') + fraction)
  return match[1] === '-' ? -whole : whole
}

export function formatAmount (scaled: bigint): string {
  const negative = scaled < 0n
  const digits = (negative ? -scaled : scaled).toString()
    .padStart(SCALE + 1, '0')
  const whole = digits.slice(0, -SCALE)
  const fraction = digits.slice(-SCALE).replace(/0+$/, '').padEnd(2, '0')
  return `${negative ? '-' : ''}${whole}.${fraction}`
}

export function supplierOf (owner: Obj, ctx: RuleContext):
SeedImportSupplier | undefined {
  const code = owner.import_supplier
  return typeof code === 'string' ? ctx.store.findSupplier(code) : undefined
}

// Kraken's defaults for the import configuration flags a seed may leave
// out.
export function sendsRegistrationFlows (owner: Obj,
  ctx: RuleContext): boolean {
  return supplierOf(owner, ctx)?.sendRegistrationFlows ?? true
}

export function accountType (account: Obj): string {
  if (account.is_managed === true) return 'MANAGED'
  if (account.is_portfolio_lead === true) return 'PORTFOLIO_LEAD'
  return text(account, 'account_type') ?? 'DOMESTIC'
}

export function isDomestic (account: Obj): boolean {
  return accountType(account).startsWith('DOMESTIC')
}

export function isBusiness (account: Obj): boolean {
  return accountType(account).startsWith('BUSINESS')
}

// An account for whoever lives at the supply address, name unknown.
export function isOccupierAccount (account: Obj): boolean {
  return account.unknown_occupier === true ||
    accountType(account).endsWith('_OCCUPIER')
}

// Every meter point of the account, with its path from the account.
const keptPointPaths = new KeptLast<ReadonlyArray<readonly [Obj, string]>>()
export function meterPoints (account: Obj):
ReadonlyArray<readonly [Obj, string]> {
  return keptFor(keptPointPaths, account.supply_addresses, () =>
    pointsOf(account).map(at => [at.point, at.path] as const))
}

// Index of the first entry whose key repeats an earlier one.
export function firstRepeat<T> (items: readonly T[],
  keyOf: (item: T) => string | undefined): number {
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    const key = keyOf(item)
    if (key === undefined) continue
    if (seen.has(key)) return index
    seen.add(key)
  }
  return -1
}
