import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, list, objectRule, text } from './data.js'
import { asDate, today } from './dates.js'
import { productOfTariff } from './products.js'
import { agreementsOf, pointsOf } from './supply.js'

// Supply charges: consumption already billed before migration, carried
// over as transactions with line items on a product.

// Decimal amounts compared exactly, in units of 10^-10 (the contract's
// finest decimal places).
function units (value: unknown): bigint | undefined {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string') return undefined
  const match = /^([+-]?)(\d*)(?:\.(\d{0,10}))?$/.exec(text.trim())
  if (match === null) return undefined
  const whole = BigInt((match[2] ?? '') || '0')
  const fraction = BigInt((match[3] ?? '').padEnd(10, '0'))
  const size = whole * 10n ** 10n + fraction
  return match[1] === '-' ? -size : size
}

function total (items: readonly Obj[], field: string): bigint {
  return items.reduce((sum, item) => sum + (units(item[field]) ?? 0n), 0n)
}

function checkTotal (charge: Obj): RuleFinding[] {
  const amount = units(charge.amount)
  if (amount === undefined) return []
  const sum = total(list(charge.line_items), 'net_amount') +
    total(list(charge.tax_items), 'amount')
  if (sum === amount) return []
  return [finding(
    'ledger_transaction_amount_does_not_match_with_line_item_net_amount_' +
    'and_tax_amount',
    'The amount must equal the line items\' net amounts plus the tax ' +
    'items\' amounts.', 'amount')]
}

// A rate specification is resolved on a supply point, so one is needed.
function checkRateSpecification (charge: Obj): RuleFinding[] {
  if (text(charge, 'supply_point_identifier') !== undefined) return []
  if (!list(charge.line_items).some(item =>
    text(item, 'rate_specification_code') !== undefined)) return []
  return [finding('supply_point_identifier_required_for_rate_specification_code',
    'Line items with a rate_specification_code need the charge\'s ' +
    'supply_point_identifier.', 'supply_point_identifier')]
}

function checkProduct (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string') return []
  if (ctx.seed.products.some(product => product.code === value)) return []
  return [finding('product_code_does_not_exist',
    `No product has the code "${value}".`)]
}

function checkDate (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const date = asDate(value)
  const now = today(ctx)
  if (date === undefined || date <= now) return []
  return [finding('transaction_in_future',
    `${date} is after today (${now}).`)]
}

const LISTS = ['current_statement_transactions',
  'historical_statement_transactions']

// The charged period (first line item start to last line item end) lies
// inside one agreement on the charge's product.
function checkCoveringAgreement (account: Obj,
  ctx: RuleContext): RuleFinding[] {
  const points = pointsOf(account)
  return flatMap(LISTS, field => flatMap(list(account[field]), (item, index) => {
    if (item.type !== 'SUPPLY_CHARGE') return []
    const lines = list(item.line_items)
    const starts = lines.map(line => asDate(line.start_date) ?? '').sort()
    const ends = lines.map(line => asDate(line.end_date) ?? '').sort()
    const from = starts[0]
    const to = ends[ends.length - 1]
    if (from === undefined || to === undefined) return []
    const spi = text(item, 'supply_point_identifier')
    const charged = points
      .filter(at => spi === undefined || at.point.identifier === spi)
    const covered = flatMap(charged, agreementsOf)
      .some(a => productOfTariff(ctx.seed, a.agreement.tariff_code)?.code ===
        item.product_code && a.from !== undefined && a.from <= from &&
        (a.to === undefined || to <= a.to))
    if (covered) return []
    return [finding('supply_charge_line_items_not_covered_by_single_agreement',
      `No one agreement on ${String(item.product_code)} covers ${from} to ` +
      `${to}.`, `${field}.${index}.line_items`)]
  }))
}

export const chargeRules: Rule[] = [
  objectRule('EnergySupplyCharge', [
    'ledger_transaction_amount_does_not_match_with_line_item_net_amount_' +
    'and_tax_amount'], checkTotal),
  objectRule('EnergySupplyCharge',
    ['supply_point_identifier_required_for_rate_specification_code'],
    checkRateSpecification),
  fieldRule('EnergySupplyCharge', 'product_code',
    ['product_code_does_not_exist'], checkProduct),
  fieldRule('EnergySupplyCharge', 'transaction_date', ['transaction_in_future'],
    checkDate),
  objectRule('EnergyAccount',
    ['supply_charge_line_items_not_covered_by_single_agreement'],
    checkCoveringAgreement)
]
