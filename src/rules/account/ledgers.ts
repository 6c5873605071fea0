import { flatMap } from '../readers.js'
import {
  amount, date, given, list, meterPoints, type Obj
} from './support.js'

// An account's statement history comes either in the deprecated top-level
// fields or per ledger in `ledgers`. The contract's own example uses
// `ledgers` although its schema does not document it, so the rules read
// both, each ledger as a group of its own. Ledger entries have not been
// through field validation: everything here reads them defensively.

export interface LedgerGroup {
  // Where the group's fields live, from the account: '' or 'ledgers.<i>'.
  path: string
  source: Obj
  current: readonly Obj[]
  historical: readonly Obj[]
  closing: string | undefined
  issued: string | undefined
  balance: bigint | undefined
}

const STATEMENT_FIELDS = ['current_statement_transactions',
  'historical_statement_transactions', 'last_statement_closing_date',
  'last_statement_balance', 'last_statement_issue_date']

function groupOf (source: Obj, path: string): LedgerGroup {
  return {
    path,
    source,
    current: list(source.current_statement_transactions),
    historical: list(source.historical_statement_transactions),
    closing: date(source, 'last_statement_closing_date'),
    issued: date(source, 'last_statement_issue_date'),
    balance: amount(source.last_statement_balance)
  }
}

export function ledgerEntries (account: Obj): readonly Obj[] {
  return Array.isArray(account.ledgers) ? list(account.ledgers) : []
}

export function ledgerGroups (account: Obj): LedgerGroup[] {
  const groups: LedgerGroup[] = []
  if (STATEMENT_FIELDS.some(field => given(account, field))) {
    groups.push(groupOf(account, ''))
  }
  ledgerEntries(account).forEach((ledger, index) => {
    groups.push(groupOf(ledger, `ledgers.${index}`))
  })
  return groups
}

export function allTransactions (account: Obj): Obj[] {
  return flatMap(ledgerGroups(account),
    group => [...group.historical, ...group.current])
}

export function hasHistory (account: Obj): boolean {
  return ledgerGroups(account).some(group =>
    group.historical.length > 0 || group.closing !== undefined)
}

// Prepay vends are applied to the meter, not to the statement.
export function isPrepay (transaction: Obj): boolean {
  return given(transaction, 'to_prepay_meter_serial_number')
}

export function transactionDate (transaction: Obj): string | undefined {
  return date(transaction, 'transaction_date')
}

const CREDITS = new Set(['PAYMENT', 'CREDIT'])

// What a transaction does to the balance: payments and credits add to it,
// charges and repayments take from it.
export function signedAmount (transaction: Obj): bigint {
  const value = amount(transaction.amount) ?? 0n
  return CREDITS.has(String(transaction.type)) ? value : -value
}

export function sumOf (transactions: readonly Obj[]): bigint {
  return transactions.filter(item => !isPrepay(item))
    .reduce((total, item) => total + signedAmount(item), 0n)
}

// Every last_billed_to_date the account gives: its own, and those of its
// supply points, meters and registers.
export function billedToDates (account: Obj): string[] {
  const dates = [date(account, 'last_billed_to_date')]
  for (const [point] of meterPoints(account)) {
    dates.push(date(point, 'last_billed_to_date'))
    for (const meter of list(point.meters)) {
      dates.push(date(meter, 'last_billed_to_date'))
      for (const register of list(meter.registers)) {
        dates.push(date(register, 'last_billed_to_date'))
      }
    }
  }
  return dates.filter((day): day is string => day !== undefined).sort()
}

export function earliestBilledTo (account: Obj): string | undefined {
  return billedToDates(account)[0]
}

export function latestDate (items: readonly Obj[]): string | undefined {
  return items.map(transactionDate)
    .filter((day): day is string => day !== undefined).sort().at(-1)
}

export function earliestDate (items: readonly Obj[]): string | undefined {
  return items.map(transactionDate)
    .filter((day): day is string => day !== undefined).sort()[0]
}
