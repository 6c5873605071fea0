import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  amount, date, fieldRule, nestedFieldRule, firstRepeat, formatAmount,
  found, given, list, objectRule, type Obj
} from './support.js'

// Rules about one payment schedule: what each kind of trigger needs, its
// amount, its instalments.

// Without a trigger a schedule is a regular one.
function triggerOf (schedule: Obj): string {
  return typeof schedule.trigger === 'string' ? schedule.trigger : 'REGULAR'
}

const isFixed = (schedule: Obj): boolean => triggerOf(schedule) !== 'BILL'
const isRegular = (schedule: Obj): boolean =>
  triggerOf(schedule) === 'REGULAR'

const WEEK_BASED = new Set(['WEEKLY', 'FORTNIGHTLY', 'FOUR_WEEKLY'])

type Check = (schedule: Obj, ctx: RuleContext) => RuleFinding | undefined

const CHECKS: Array<[string[], Check]> = [
  [['start_date_later_than_end_date'], schedule => {
    const start = date(schedule, 'start_date')
    const end = date(schedule, 'end_date')
    if (start === undefined || end === undefined || end >= start) return
    return found('start_date_later_than_end_date',
      `The schedule ends (${end}) before it starts (${start}).`)
  }],
  [['zero_payment_schedule_amount', 'fixed_payment_schedule_amount_out_of_range'],
    (schedule, ctx) => {
      if (!isFixed(schedule)) return
      const value = amount(schedule.amount ?? '0') ?? 0n
      if (value === 0n) {
        return found('zero_payment_schedule_amount',
          'A schedule that is not triggered by bills needs an amount.')
      }
      const least = amount(ctx.seed.settings.minimumFixedPaymentAmount) ?? 0n
      if (value >= least) return
      return found('fixed_payment_schedule_amount_out_of_range',
        `A fixed schedule takes at least ${formatAmount(least)}.`)
    }],
  [['fixed_payment_schedule_missing_frequency'], schedule => {
    if (!isRegular(schedule) || given(schedule, 'frequency')) return
    return found('fixed_payment_schedule_missing_frequency',
      'A regular schedule needs a frequency.')
  }],
  [['fixed_payment_schedule_missing_day_of_month'], schedule => {
    if (!isRegular(schedule) || given(schedule, 'day_of_month') ||
      WEEK_BASED.has(String(schedule.frequency))) return
    return found('fixed_payment_schedule_missing_day_of_month',
      'A regular schedule needs the day_of_month it collects on.')
  }],
  [['balance_triggered_schedule_missing_threshold'], schedule => {
    if (triggerOf(schedule) !== 'BALANCE' ||
      given(schedule, 'balance_threshold')) return
    return found('balance_triggered_schedule_missing_threshold',
      'A balance-triggered schedule needs the balance_threshold that ' +
      'triggers it.')
  }],
  [['debt_repayment_missing_end_date'], schedule => {
    if (!given(schedule, 'debt_repayment_element') ||
      given(schedule, 'debt_repayment_end_date')) return
    return found('debt_repayment_missing_end_date',
      'A debt repayment element needs a debt_repayment_end_date.')
  }],
  [['debt_repayment_end_date_after_schedule_end_date'], schedule => {
    const debtEnd = date(schedule, 'debt_repayment_end_date')
    const end = date(schedule, 'end_date')
    if (debtEnd === undefined || end === undefined || debtEnd <= end) return
    return found('debt_repayment_end_date_after_schedule_end_date',
      `The debt repayment ends (${debtEnd}) after the schedule (${end}).`)
  }],
  [['invalid_payment_schedule_to_exempt_from_payment_adequacy'], schedule => {
    if (schedule.exempt_from_payment_adequacy !== true || isRegular(schedule)) {
      return
    }
    return found('invalid_payment_schedule_to_exempt_from_payment_adequacy',
      'Only a regular schedule can be exempt from payment adequacy.')
  }],
  [['payment_instalments_not_provided', 'payment_instalments_do_not_sum_to_total',
    'payment_instalments_date_outside_of_payment_schedule_active_period'],
  checkInstalments],
  [['payment_schedule_delay_must_have_bill_trigger',
    'payment_schedule_delay_strategy_missing_delay_days'], schedule => {
    if (!given(schedule, 'delay_strategy')) return
    if (triggerOf(schedule) !== 'BILL') {
      return found('payment_schedule_delay_must_have_bill_trigger',
        'Only a bill-triggered schedule can delay its payments.')
    }
    if (given(schedule, 'delay_days')) return
    return found('payment_schedule_delay_strategy_missing_delay_days',
      'A delay_strategy needs the delay_days it delays by.')
  }],
  // The method code is not in the contract's schema; only its presence
  // and value are read.
  [['standalone_payment_request_method_code_unexpected',
    'standalone_payment_request_method_code_invalid'], (schedule, ctx) => {
    const code = schedule.standalone_payment_request_method_code
    if (code === undefined || code === null || code === '') return
    if (schedule.means !== 'MANUAL') {
      return found('standalone_payment_request_method_code_unexpected',
        'Only a MANUAL schedule takes a standalone payment request method.')
    }
    if (ctx.seed.standalonePaymentRequestMethods.includes(String(code))) {
      return
    }
    return found('standalone_payment_request_method_code_invalid',
      `There is no standalone payment request method "${String(code)}".`)
  }]
]

function checkInstalments (schedule: Obj): RuleFinding | undefined {
  const instalments = list(schedule.instalments)
  if (instalments.length === 0) {
    if (triggerOf(schedule) !== 'PLAN') return
    return found('payment_instalments_not_provided',
      'A PLAN schedule needs its instalments.')
  }
  const total = instalments.reduce((sum, instalment) =>
    sum + (amount(instalment.amount) ?? 0n), 0n)
  const expected = amount(schedule.amount ?? '0') ?? 0n
  if (total !== expected) {
    return found('payment_instalments_do_not_sum_to_total',
      `The instalments come to ${formatAmount(total)}, not the schedule's ` +
      `${formatAmount(expected)}.`)
  }
  const start = date(schedule, 'start_date') ?? ''
  const end = date(schedule, 'end_date') ?? '9999-12-31'
  const outside = instalments.map(instalment =>
    date(instalment, 'payment_date'))
    .find(day => day !== undefined && (day < start || day > end))
  if (outside === undefined) return
  return found(
    'payment_instalments_date_outside_of_payment_schedule_active_period',
    `An instalment falls on ${outside}, outside the schedule's period.`)
}

function checkPaymentDay (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const { paymentDayMin: min, paymentDayMax: max } = ctx.seed.settings
  if (typeof value !== 'number' || (value >= min && value <= max)) return []
  return [found('invalid_payment_day_for_payment_schedule',
    `Payments are taken on days ${min} to ${max} of the month.`)]
}

function checkInstalmentRepeats (value: unknown): RuleFinding[] {
  const index = firstRepeat(list(value), instalment =>
    `${String(instalment.payment_date)} ${String(instalment.payment_type)}`)
  if (index < 0) return []
  return [found('children_with_duplicate_values',
    'Two instalments have the same payment_date and payment_type.')]
}

export function checkLedgerCode (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value === '' ||
    ctx.seed.ledgerCodes.includes(value)) return []
  return [found('ledger_code_does_not_exist',
    `There is no ledger type "${value}" on this Kraken.`)]
}

export const paymentScheduleRules: Rule[] = [
  ...CHECKS.map(([codes, check]) => objectRule('PaymentSchedule', codes,
    (schedule, ctx) => {
      const finding = check(schedule, ctx)
      return finding === undefined ? [] : [finding]
    })),
  fieldRule('PaymentSchedule', 'day_of_month',
    ['invalid_payment_day_for_payment_schedule'], checkPaymentDay),
  nestedFieldRule('PaymentSchedule', 'instalments',
    ['children_with_duplicate_values'], checkInstalmentRepeats),
  fieldRule('PaymentSchedule', 'ledger_code', ['ledger_code_does_not_exist'],
    checkLedgerCode)
]
