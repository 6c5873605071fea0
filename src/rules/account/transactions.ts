import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { checkTransactionIds } from './balances.js'
import {
  amount, date, fieldRule, found, given, list, objectRule, type Obj, today
} from './support.js'

// Rules about single transactions and their line items, wherever they
// appear: on an account or posted to an imported one.

function checkNotInFuture (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value <= today(ctx)) return []
  return [found('transaction_in_future',
    `A transaction cannot be dated in the future (${value}).`)]
}

function checkLineItemDates (item: Obj): RuleFinding[] {
  const start = date(item, 'start_date')
  const end = date(item, 'end_date')
  if (start === undefined || end === undefined || end >= start) return []
  return [found('start_date_later_than_end_date',
    `The line item ends (${end}) before it starts (${start}).`)]
}

// Half a penny, in the 10^-20 units that price times quantity comes in.
const TOLERANCE = 5n * 10n ** 17n

function checkNetAmount (item: Obj): RuleFinding[] {
  const price = amount(item.price_per_unit)
  const units = amount(item.number_of_units)
  const net = amount(item.net_amount)
  if (price === undefined || units === undefined || net === undefined) {
    return []
  }
  const difference = price * units - net * 10n ** 10n
  if (difference <= TOLERANCE && difference >= -TOLERANCE) return []
  return [found('incorrect_line_item_net_amount',
    'net_amount must be price_per_unit times number_of_units.')]
}

const RATE_FIELDS = ['rate_band', 'rate_specification_code',
  'time_series_specification_code']

function checkRateSpecification (item: Obj): RuleFinding[] {
  const chosen = RATE_FIELDS.filter(field => given(item, field))
  if (chosen.length === 1) return []
  return [found('conflicting_rate_band_specification',
    `Give exactly one of ${RATE_FIELDS.join(', ')}` +
    (chosen.length > 1 ? ` (found ${chosen.join(', ')}).` : '.'))]
}

function checkUnits (value: unknown): RuleFinding[] {
  if (!Array.isArray(value) || value.length === 2) return []
  return [found('line_item_units_must_be_two_values',
    `units is a pair of values; found ${value.length}.`)]
}

const TRANSACTION_TYPES = ['EnergyCharge', 'EnergyCredit', 'EnergyPayment',
  'EnergyRepayment']

export const transactionRules: Rule[] = [
  ...TRANSACTION_TYPES.map(component => fieldRule(component,
    'transaction_date', ['transaction_in_future'], checkNotInFuture)),
  objectRule('Transactions', ['duplicate_transaction_ids',
    'missing_transaction_id'], body =>
    checkTransactionIds(list(body.transactions))),
  objectRule('LineItem', ['start_date_later_than_end_date'],
    checkLineItemDates),
  objectRule('LineItem', ['incorrect_line_item_net_amount'], checkNetAmount),
  objectRule('LineItem', ['conflicting_rate_band_specification'],
    checkRateSpecification),
  fieldRule('LineItem', 'units', ['line_item_units_must_be_two_values'],
    checkUnits)
]
