import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  billedToDates, earliestBilledTo, earliestDate, hasHistory, isPrepay,
  type LedgerGroup, ledgerGroups, latestDate
} from './ledgers.js'
import {
  addDays, found, given, list, meterPoints, objectRule, type Obj, today
} from './support.js'

// Rules about an account's statement history: where the last statement
// closed, and which transactions fall before or after it.

// "the ledger at ledgers.0" or "the account", for messages.
function whose (group: LedgerGroup): string {
  return group.path === '' ? 'the account' : `the ledger at ${group.path}`
}

// Each group's findings, at most one per group.
function perGroup (check: (group: LedgerGroup, account: Obj,
  ctx: RuleContext) => RuleFinding | undefined) {
  return (account: Obj, ctx: RuleContext): RuleFinding[] =>
    flatMap(ledgerGroups(account), group => {
      const finding = check(group, account, ctx)
      return finding === undefined ? [] : [finding]
    })
}

// The last statement's closing date, or the earliest last_billed_to_date
// that stands in for it.
function closingOf (group: LedgerGroup, account: Obj): string | undefined {
  return group.closing ?? earliestBilledTo(account)
}

const periodEndInFuture = perGroup((group, _account, ctx) => {
  const end = group.closing ?? latestDate(group.historical)
  if (end === undefined || end <= today(ctx)) return undefined
  return found('historical_statement_period_end_in_future',
    `The last statement of ${whose(group)} cannot end in the future ` +
    `(${end}).`)
})

function checkBillingStart (account: Obj): RuleFinding[] {
  const known = billedToDates(account).length > 0 ||
    ledgerGroups(account).some(group => group.closing !== undefined) ||
    meterPoints(account).some(([point]) => given(point, 'agreements'))
  if (known) return []
  return [found('cannot_determine_responsible_for_billing_from_date',
    'Kraken cannot tell when to start billing: give a ' +
    'last_billed_to_date, a last statement closing date or agreements.')]
}

const historyWithoutClosing = perGroup((group, account) => {
  if (group.historical.length === 0 ||
    closingOf(group, account) !== undefined) return undefined
  return found(
    'historical_statement_transactions_without_last_statement_closing_' +
    'date_or_last_billed_to_date',
    `${whose(group)} has historical statement transactions but no ` +
    'last statement closing date or last_billed_to_date.')
})

const historyAfterCurrent = perGroup(group => {
  const lastHistorical = latestDate(group.historical)
  const firstCurrent = earliestDate(group.current)
  if (lastHistorical === undefined || firstCurrent === undefined ||
    lastHistorical <= firstCurrent) return undefined
  return found('historical_statement_transaction_after_current_statement_' +
    'transaction', `In ${whose(group)} a historical statement transaction ` +
    `(${lastHistorical}) is later than a current one (${firstCurrent}).`)
})

const historyAfterClosing = perGroup((group, account) => {
  const closing = closingOf(group, account)
  const lastHistorical = latestDate(group.historical)
  if (closing === undefined || lastHistorical === undefined ||
    lastHistorical <= closing) return undefined
  return found('historical_statement_transaction_after_last_statement_' +
    'closing_date', `In ${whose(group)} a historical statement ` +
    `transaction (${lastHistorical}) is after the last statement closed ` +
    `(${closing}).`)
})

const issuedBeforeClosing = perGroup((group, account) => {
  const closing = closingOf(group, account)
  if (group.issued === undefined || closing === undefined ||
    group.issued >= closing) return undefined
  return found('last_statement_issued_before_closing_date',
    `The last statement of ${whose(group)} was issued (${group.issued}) ` +
    `before it closed (${closing}).`)
})

const currentBeforeOpening = perGroup(group => {
  if (group.closing === undefined) return undefined
  const opening = addDays(group.closing, 1)
  const early = earliestDate(group.current.filter(item => !isPrepay(item)))
  if (early === undefined || early >= opening) return undefined
  return found('current_statement_transaction_before_current_statement_' +
    'opening_date', `In ${whose(group)} a current statement transaction ` +
    `(${early}) is before the current statement opened (${opening}).`)
})

const currentBeforeBilledTo = perGroup((group, account) => {
  const billedTo = earliestBilledTo(account)
  // Prepay vends are settled on the meter, whatever its billing date.
  const early = earliestDate(group.current.filter(item => !isPrepay(item)))
  if (billedTo === undefined || early === undefined || early >= billedTo) {
    return undefined
  }
  return found('current_statement_transaction_before_last_billed_to_date',
    `In ${whose(group)} a current statement transaction (${early}) is ` +
    `before the account was billed to (${billedTo}).`)
})

// Half-hourly meter points are billed from their own data.
function isHalfHourly (point: Obj): boolean {
  const measurement = point.measurement_class
  return typeof measurement === 'string' && !['A', 'B'].includes(measurement)
}

// Once an account has been billed, each meter still in place must say
// where billing stopped: on its settlement registers (electricity) or
// itself (gas), or higher up, on its supply point or the account.
function checkBilledToGiven (account: Obj): RuleFinding[] {
  if (!hasHistory(account) || given(account, 'last_billed_to_date')) {
    return []
  }
  for (const [point, path] of meterPoints(account)) {
    if (given(point, 'last_billed_to_date') || isHalfHourly(point)) continue
    for (const [index, meter] of list(point.meters).entries()) {
      if (given(meter, 'removed_on')) continue
      const registers = list(meter.registers)
        .filter(register => register.is_settlement !== false)
      const billed = point.supply_type === 'GAS' || registers.length === 0
        ? given(meter, 'last_billed_to_date')
        : registers.every(register => given(register, 'last_billed_to_date'))
      if (billed) continue
      return [found('last_billed_to_date_not_found',
        `The meter at ${path}.meters.${index} has no last_billed_to_date ` +
        'on it, its settlement registers, its supply point or the account.')]
    }
  }
  return []
}

export const statementRules: Rule[] = [
  objectRule('EnergyAccount', ['historical_statement_period_end_in_future'],
    periodEndInFuture),
  objectRule('EnergyAccount',
    ['cannot_determine_responsible_for_billing_from_date'],
    checkBillingStart),
  objectRule('EnergyAccount', ['historical_statement_transactions_without_' +
    'last_statement_closing_date_or_last_billed_to_date'],
  historyWithoutClosing),
  objectRule('EnergyAccount', ['historical_statement_transaction_after_' +
    'current_statement_transaction'], historyAfterCurrent),
  objectRule('EnergyAccount', ['historical_statement_transaction_after_' +
    'last_statement_closing_date'], historyAfterClosing),
  objectRule('EnergyAccount', ['last_statement_issued_before_closing_date'],
    issuedBeforeClosing),
  objectRule('EnergyAccount', ['current_statement_transaction_before_' +
    'current_statement_opening_date'], currentBeforeOpening),
  objectRule('EnergyAccount',
    ['current_statement_transaction_before_last_billed_to_date'],
    currentBeforeBilledTo),
  objectRule('EnergyAccount', ['last_billed_to_date_not_found'],
    checkBilledToGiven)
]
