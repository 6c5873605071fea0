import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  allTransactions, type LedgerGroup, ledgerEntries, ledgerGroups, sumOf
} from './ledgers.js'
import {
  amount, firstRepeat, formatAmount, found, given, meterPoints, objectRule,
  type Obj, text
} from './support.js'

// Rules about sums and identities across an account's ledgers: balances
// that must add up, transaction ids, billing document identifiers.

// What a group's balance must come to: the transfer balance for the
// account's own fields, the ledger balance for a ledger.
function targetOf (group: LedgerGroup, account: Obj): bigint | undefined {
  return group.path === ''
    ? amount(account.transfer_balance)
    : amount(group.source.ledger_balance)
}

function checkTransferBalance (account: Obj): RuleFinding[] {
  return flatMap(ledgerGroups(account), group => {
    const target = targetOf(group, account)
    if (target === undefined) return []
    const expected = (group.balance ?? 0n) + sumOf(group.current)
    if (expected === target) return []
    const name = group.path === '' ? 'transfer_balance' : 'ledger_balance'
    return [found('balance_mismatch_on_transfer_balance',
      'The last statement balance and current statement transactions come ' +
      `to ${formatAmount(expected)}, but the ${name} is ` +
      `${formatAmount(target)}.`)]
  })
}

function checkHistoricalBalance (account: Obj): RuleFinding[] {
  return flatMap(ledgerGroups(account), group => {
    if (group.balance === undefined || group.historical.length === 0) {
      return []
    }
    const total = sumOf(group.historical)
    if (total === group.balance) return []
    return [found('historical_statement_transactions_balance_mismatch',
      `The historical statement transactions come to ${formatAmount(total)}` +
      `, but the last statement balance is ${formatAmount(group.balance)}.`)]
  })
}

function checkLedgerTotal (account: Obj): RuleFinding[] {
  const balances = ledgerEntries(account).map(ledger =>
    amount(ledger.ledger_balance))
  const target = amount(account.transfer_balance)
  if (balances.length === 0 || target === undefined ||
    balances.some(balance => balance === undefined)) return []
  const total = balances.reduce<bigint>((sum, b) => sum + (b ?? 0n), 0n)
  if (total === target) return []
  return [found('ledger_balances_not_equal_to_transfer_balance',
    `The ledger balances come to ${formatAmount(total)}, but the ` +
    `transfer_balance is ${formatAmount(target)}.`)]
}

function checkLedgerEntries (account: Obj): RuleFinding[] {
  const ledgers = ledgerEntries(account)
  const findings: RuleFinding[] = []
  const code = firstRepeat(ledgers, ledger => text(ledger, 'ledger_code'))
  if (code >= 0) {
    findings.push(found('duplicate_ledger_entries_found',
      `The ledger code ${String(ledgers[code]?.ledger_code)} is given ` +
      'twice in ledgers.'))
  }
  const id = firstRepeat(ledgers, ledger => text(ledger, 'ledger_identifier'))
  if (id >= 0) {
    findings.push(found('duplicate_identifiers_entries_found',
      `The ledger identifier ${String(ledgers[id]?.ledger_identifier)} is ` +
      'given twice in ledgers.'))
  }
  const points = new Set(meterPoints(account).map(([point]) =>
    point.identifier))
  const unknown = ledgers.map(ledger => text(ledger, 'ledger_identifier'))
    .find(identifier => identifier !== undefined && !points.has(identifier))
  if (unknown !== undefined) {
    findings.push(found('unknown_ledger_identifiers',
      `The ledger identifier ${unknown} is not a supply point of the ` +
      'account.'))
  }
  return findings
}

// Ledger transactions have not been through field validation, so one may
// lack its id; the documented ones cannot.
export function checkTransactionIds (transactions: readonly Obj[]): RuleFinding[] {
  if (transactions.some(item => !given(item, 'transaction_id'))) {
    return [found('missing_transaction_id',
      'Every transaction needs a transaction_id.')]
  }
  const index = firstRepeat(transactions, item =>
    String(item.transaction_id))
  if (index < 0) return []
  return [found('duplicate_transaction_ids', 'The transaction_id ' +
    `${String(transactions[index]?.transaction_id)} is used twice.`)]
}

function checkDocumentIds (account: Obj, ctx: RuleContext): RuleFinding[] {
  const groups = ledgerGroups(account)
  const historical = flatMap(groups, group => group.historical)
  const withId = historical.filter(item =>
    given(item, 'billing_document_identifier'))
  if (!ctx.seed.settings.billingDocumentIdentifiersEnabled) {
    if (withId.length === 0) return []
    return [found(
      'historical_statement_billing_document_identifier_not_allowed_' +
      'when_feature_flag_disabled',
      'This Kraken does not take billing document identifiers.')]
  }
  if (withId.length < historical.length) {
    return [found('historical_statement_billing_document_identifier_missing',
      'Every historical statement transaction needs a ' +
      'billing_document_identifier.')]
  }
  const ids = new Set(withId.map(item => item.billing_document_identifier))
  if (ids.size < 2) return []
  return [found('historical_statement_billing_document_identifier_mismatch',
    'The historical statement transactions name different billing ' +
    'documents; they belong to one statement.')]
}

function checkCurrentDocumentIds (account: Obj): RuleFinding[] {
  const current = flatMap(ledgerGroups(account), group => group.current)
  if (!current.some(item => given(item, 'billing_document_identifier'))) {
    return []
  }
  return [found(
    'billing_document_identifier_not_allowed_for_current_statement_' +
    'transactions',
    'Current statement transactions have no billing document yet; ' +
    'leave billing_document_identifier out.')]
}

export const balanceRules: Rule[] = [
  objectRule('EnergyAccount', ['balance_mismatch_on_transfer_balance'],
    checkTransferBalance),
  objectRule('EnergyAccount',
    ['historical_statement_transactions_balance_mismatch'],
    checkHistoricalBalance),
  objectRule('EnergyAccount', ['ledger_balances_not_equal_to_transfer_balance'],
    checkLedgerTotal),
  objectRule('EnergyAccount', ['duplicate_ledger_entries_found',
    'duplicate_identifiers_entries_found', 'unknown_ledger_identifiers'],
  checkLedgerEntries),
  objectRule('EnergyAccount', ['duplicate_transaction_ids',
    'missing_transaction_id'], account =>
    checkTransactionIds(allTransactions(account))),
  objectRule('EnergyAccount', [
    'historical_statement_billing_document_identifier_missing',
    'historical_statement_billing_document_identifier_not_allowed_when_' +
    'feature_flag_disabled',
    'historical_statement_billing_document_identifier_mismatch'
  ], checkDocumentIds),
  objectRule('EnergyAccount', ['billing_document_identifier_not_allowed_' +
    'for_current_statement_transactions'], checkCurrentDocumentIds)
]
