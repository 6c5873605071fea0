import { compareText, flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, list, objectRule, text } from './data.js'
import { asDate, dateOfDateTime } from './dates.js'

// Contribution scheme agreements (a fixed sum paid on a cadence, in
// periods) and deposit agreements.

function checkScheme (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || ctx.seed.contributionSchemes
    .includes(value)) return []
  return [finding('invalid_contribution_scheme',
    `No contribution scheme has the code "${value}".`)]
}

// Periods lie inside the agreement's active period (both ends of which
// are inclusive) and do not overlap; a period's end is exclusive.
function checkPeriods (agreement: Obj): RuleFinding[] {
  const start = asDate(agreement.active_period_start_date)
  const end = asDate(agreement.active_period_end_date)
  const periods = list(agreement.periods).map((period, index) => ({
    index, from: asDate(period.start_date), to: asDate(period.end_date)
  }))
  const found: RuleFinding[] = []
  for (const { index, from, to } of periods) {
    if (start !== undefined && from !== undefined && from < start) {
      found.push(finding('invalid_contribution_period_start_date',
        `The period starts before the agreement does (${start}).`,
        `periods.${index}.start_date`))
    }
    if (end !== undefined && to !== undefined && to > end) {
      found.push(finding('invalid_contribution_period_end_date',
        `The period ends after the agreement does (${end}).`,
        `periods.${index}.end_date`))
    }
  }
  const ordered = periods.filter(p => p.from !== undefined)
    .sort((a, b) => compareText(a.from ?? '', b.from ?? ''))
  ordered.forEach((period, position) => {
    const previous = ordered[position - 1]
    if (previous?.to === undefined || (period.from ?? '') >= previous.to) {
      return
    }
    found.push(finding('overlapping_contribution_periods',
      `It starts before the previous period ends (${previous.to}).`,
      `periods.${period.index}.start_date`))
  })
  return found
}

function checkAgreementOverlaps (value: unknown): RuleFinding[] {
  const agreements = list(value).map((agreement, index) => ({
    index,
    scheme: text(agreement, 'scheme'),
    from: asDate(agreement.active_period_start_date) ?? '',
    to: asDate(agreement.active_period_end_date)
  }))
  return flatMap(agreements, current => {
    const clash = agreements.find(other => other.index < current.index &&
      other.scheme === current.scheme &&
      (other.to === undefined || current.from <= other.to) &&
      (current.to === undefined || other.from <= current.to))
    if (clash === undefined) return []
    return [finding('overlapping_contribution_agreements',
      `It overlaps agreement ${clash.index} of the same scheme.`,
      `${current.index}.active_period_start_date`)]
  })
}

// Interest stops when a deposit is fulfilled, so its last interest date
// exists only then, and not before the fulfilment.
function checkDepositInterest (deposit: Obj): RuleFinding[] {
  const lastInterest = asDate(deposit.last_interest_date)
  if (lastInterest === undefined) return []
  const fulfilled = dateOfDateTime(deposit.fulfilled_at)
  if (fulfilled === undefined) {
    return [finding('last_interest_date_not_allowed', 'A last interest ' +
      'date is only for a fulfilled deposit.', 'last_interest_date')]
  }
  if (fulfilled <= lastInterest) return []
  return [finding('fulfilled_at_greater_than_last_interest_date',
    `The deposit was fulfilled on ${fulfilled}, after its last interest ` +
    `date ${lastInterest}.`, 'fulfilled_at')]
}

export const contributionRules: Rule[] = [
  fieldRule('ContributionSchemeAgreement', 'scheme',
    ['invalid_contribution_scheme'], checkScheme),
  objectRule('ContributionSchemeAgreement',
    ['invalid_contribution_period_end_date',
      'invalid_contribution_period_start_date',
      'overlapping_contribution_periods'], checkPeriods),
  fieldRule('EnergyAccount', 'contribution_agreements',
    ['overlapping_contribution_agreements'], checkAgreementOverlaps),
  objectRule('DepositAgreement',
    ['fulfilled_at_greater_than_last_interest_date',
      'last_interest_date_not_allowed'], checkDepositInterest)
]
