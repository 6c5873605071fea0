import { flatMap } from '../readers.js'
import type { Rule, RuleFinding } from '../types.js'
import { allTransactions } from './ledgers.js'
import {
  amount, formatAmount, found, isObj, list, objectRule, type Obj, text
} from './support.js'

// Vouchers and the transactions that charge and redeem them. The contract
// names `vouchers`, their `charge_transaction_id`, `voucher_redemptions`
// and `credit_transaction_id`, and `historical_billing_documents`, in its
// rules only; its schema documents none of them, so they are read as
// found. A voucher's own value is taken from `value`.

// Any object inside the billing documents that looks like a transaction.
function nestedTransactions (value: unknown): Obj[] {
  if (Array.isArray(value)) return flatMap(value, nestedTransactions)
  if (!isObj(value)) return []
  const own = typeof value.transaction_id === 'string' ? [value] : []
  return [...own, ...flatMap(Object.values(value), nestedTransactions)]
}

function transactionsByType (account: Obj, type: string): Map<string, Obj> {
  const all = [...allTransactions(account),
    ...nestedTransactions(account.historical_billing_documents)]
  return new Map(all.filter(item => item.type === type)
    .map(item => [String(item.transaction_id), item]))
}

function checkVouchers (account: Obj): RuleFinding[] {
  const vouchers = list(account.vouchers)
  if (vouchers.length === 0) return []
  const charges = transactionsByType(account, 'CHARGE')
  const credits = transactionsByType(account, 'CREDIT')
  const findings: RuleFinding[] = []
  for (const [index, voucher] of vouchers.entries()) {
    const charge = text(voucher, 'charge_transaction_id')
    if (charge !== undefined && !charges.has(charge)) {
      findings.push(found('voucher_charge_transaction_id_not_found',
        `Voucher ${index} is charged by transaction ${charge}, but no ` +
        'CHARGE transaction has that id.'))
    }
    const redeemed = list(voucher.voucher_redemptions)
      .map(redemption => text(redemption, 'credit_transaction_id'))
      .filter((id): id is string => id !== undefined)
    const missing = redeemed.find(id => !credits.has(id))
    if (missing !== undefined) {
      findings.push(found('voucher_redemption_credit_transaction_id_not_found',
        `Voucher ${index} is redeemed by transaction ${missing}, but no ` +
        'CREDIT transaction has that id.'))
    }
    const worth = amount(voucher.value)
    const used = redeemed.reduce((sum, id) =>
      sum + (amount(credits.get(id)?.amount) ?? 0n), 0n)
    if (worth !== undefined && used > worth) {
      findings.push(found('voucher_transactions_sum_greater_than_voucher_value',
        `Voucher ${index} is worth ${formatAmount(worth)} but its ` +
        `redemptions come to ${formatAmount(used)}.`))
    }
  }
  return findings
}

export const voucherRules: Rule[] = [
  objectRule('EnergyAccount', ['voucher_transactions_sum_greater_than_voucher_value',
    'voucher_charge_transaction_id_not_found',
    'voucher_redemption_credit_transaction_id_not_found'], checkVouchers)
]
