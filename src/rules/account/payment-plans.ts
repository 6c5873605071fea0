import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  fieldRule, nestedFieldRule, found, given, instant, list, objectRule,
  type Obj
} from './support.js'

// Rules about payment plans and payment adequacy reviews. Their amounts
// are whole pence.

function checkStrategy (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' ||
    ctx.seed.paymentPlanStrategies.includes(value)) return []
  return [found('payment_plan_strategy_does_not_exist',
    `There is no payment plan strategy "${value}".`)]
}

function checkComponentRepeats (value: unknown): RuleFinding[] {
  const seen = new Set<string>()
  for (const payment of list(value)) {
    for (const component of list(payment.amount_components)) {
      const key = `${String(payment.payment_date)} ` +
        String(component.component_type)
      if (seen.has(key)) {
        return [found('duplicate_payment_component_combinations',
          `The ${String(component.component_type)} component of ` +
          `${String(payment.payment_date)} is given twice.`)]
      }
      seen.add(key)
    }
  }
  return []
}

const pence = (value: unknown): number =>
  typeof value === 'number' ? value : 0

function checkComponentsSum (payment: Obj): RuleFinding[] {
  const total = list(payment.amount_components)
    .reduce((sum, component) => sum + pence(component.amount), 0)
  if (total === pence(payment.total_amount)) return []
  return [found('payment_plan_payment_components_do_not_sum_to_total',
    `The components come to ${total}, not the total_amount of ` +
    `${pence(payment.total_amount)}.`)]
}

function notInFuture (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const at = instant(value)
  if (at === undefined || at <= ctx.clock.nowMs()) return []
  return [found('payment_adequacy_invalid_dates',
    'A payment adequacy change cannot be dated in the future.')]
}

function checkOrder (change: Obj): RuleFinding[] {
  const created = instant(change.created_at)
  const applied = instant(change.applied_at)
  if (created === undefined || applied === undefined || created <= applied) {
    return []
  }
  return [found('payment_adequacy_invalid_dates',
    'A payment adequacy change cannot be applied before it was created.')]
}

function checkAppliedOrReason (change: Obj): RuleFinding[] {
  const applied = given(change, 'applied_at')
  const reason = given(change, 'should_not_be_applied_reason')
  if (applied && reason) {
    return [found('payment_adequacy_should_not_have_been_applied',
      'A change with a reason not to apply it cannot have been applied.')]
  }
  if (applied || reason) return []
  return [found('payment_adequacy_missing_reason',
    'Give applied_at, or the reason the change was not applied.')]
}

function checkCharges (change: Obj): RuleFinding[] {
  const sum = pence(change.average_monthly_elec_charge) +
    pence(change.average_monthly_gas_charge)
  if (sum === pence(change.average_monthly_charge)) return []
  return [found('payment_adequacy_monthly_charges_unequal',
    `The electricity and gas charges come to ${sum}, not the ` +
    `average_monthly_charge of ${pence(change.average_monthly_charge)}.`)]
}

// The shortfall or surplus is spread over the twelve months of the
// review, so the monthly adjustment is a twelfth of it, give or take the
// rounding of a penny.
function checkAdjustment (change: Obj): RuleFinding[] {
  const adjustment = pence(change.balance_adjustment)
  if (adjustment === 0) return []
  const difference = pence(change.target_balance) -
    pence(change.current_balance)
  if (Math.abs(adjustment * 12 - difference) < 12) return []
  return [found('payment_adequacy_balance_adjustment_mismatch',
    `A balance_adjustment of ${adjustment} a month does not close the ` +
    `gap of ${difference} between the current and target balances.`)]
}

function checkNewDirectDebit (change: Obj): RuleFinding[] {
  const existing = pence(change.existing_direct_debit_payment)
  const most = pence(change.average_monthly_charge) +
    pence(change.balance_adjustment)
  const low = Math.min(existing, most)
  const high = Math.max(existing, most)
  const chosen = pence(change.new_direct_debit)
  if (chosen >= low && chosen <= high) return []
  return [found('payment_adequacy_new_direct_debit_amount_mismatch',
    `The new direct debit of ${chosen} is not between the existing ` +
    `payment (${existing}) and the most the review allows (${most}).`)]
}

const ADEQUACY = 'PaymentAdequacyChange'

export const paymentPlanRules: Rule[] = [
  fieldRule('PaymentPlan', 'strategy_name',
    ['payment_plan_strategy_does_not_exist'], checkStrategy),
  nestedFieldRule('PaymentPlan', 'payments',
    ['duplicate_payment_component_combinations'], checkComponentRepeats),
  objectRule('PaymentPlanPayment',
    ['payment_plan_payment_components_do_not_sum_to_total'],
    checkComponentsSum),
  fieldRule(ADEQUACY, 'applied_at', ['payment_adequacy_invalid_dates'],
    notInFuture),
  fieldRule(ADEQUACY, 'created_at', ['payment_adequacy_invalid_dates'],
    notInFuture),
  objectRule(ADEQUACY, ['payment_adequacy_invalid_dates'], checkOrder),
  objectRule(ADEQUACY, ['payment_adequacy_missing_reason',
    'payment_adequacy_should_not_have_been_applied'], checkAppliedOrReason),
  objectRule(ADEQUACY, ['payment_adequacy_monthly_charges_unequal'],
    checkCharges),
  objectRule(ADEQUACY, ['payment_adequacy_balance_adjustment_mismatch'],
    checkAdjustment),
  objectRule(ADEQUACY, ['payment_adequacy_new_direct_debit_amount_mismatch'],
    checkNewDirectDebit)
]
