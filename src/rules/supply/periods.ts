import { compareText } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, list, objectRule } from './data.js'
import { addDays, asDate, today } from './dates.js'

// Dated lists of a meter point: capacity values and configuration periods
// (each period ends where the next starts), annual quantities (each starts
// the day after the previous ends) and tax exemptions.

const END_BEFORE_START: Array<[string, string, string]> = [
  ['ElectricityMeterPoint', 'supply_start_date', 'supply_end_date'],
  ['GasMeterPoint', 'supply_start_date', 'supply_end_date'],
  ['ElectricityAgreement', 'effective_from', 'effective_to'],
  ['GasAgreement', 'effective_from', 'effective_to'],
  ['ElectricityCapacityValue', 'effective_from_date', 'effective_to_date'],
  ['ElectricityConfigurationPeriod', 'effective_from_date',
    'effective_to_date'],
  ['GasAnnualQuantity', 'effective_from', 'effective_to'],
  ['ContributionSchemeAgreement', 'active_period_start_date',
    'active_period_end_date'],
  ['ContributionSchemePeriod', 'start_date', 'end_date']
]

function endBeforeStart (start: string, end: string) {
  return (owner: Obj): RuleFinding[] => {
    const from = asDate(owner[start])
    const to = asDate(owner[end])
    if (from === undefined || to === undefined || to >= from) return []
    return [finding('start_date_later_than_end_date',
      `${end} (${to}) is before ${start} (${from}).`, end)]
  }
}

interface Dated { index: number, from: string, to: string | undefined }

// Entries with a start date, in date order, keeping their payload index.
function byStart (value: unknown, fromKey: string, toKey: string): Dated[] {
  return list(value)
    .map((item, index) => ({
      index, from: asDate(item[fromKey]) ?? '', to: asDate(item[toKey])
    }))
    .filter(entry => entry.from !== '')
    .sort((a, b) => compareText(a.from, b.from) || a.index - b.index)
}

// Periods whose end date is the next one's start date.
function checkConsecutive (value: unknown): RuleFinding[] {
  const found: RuleFinding[] = []
  const periods = byStart(value, 'effective_from_date', 'effective_to_date')
  periods.forEach((period, position) => {
    if (period.to === period.from) {
      found.push(finding('zero_length_periods',
        `The period starting ${period.from} also ends on that day.`,
        `${period.index}.effective_to_date`))
    }
    const previous = periods[position - 1]
    if (previous === undefined || previous.to === period.from) return
    found.push(finding('gaps_or_overlaps_in_periods',
      previous.to === undefined
        ? `An open-ended period starting ${previous.from} overlaps it.`
        : `The previous period ends on ${previous.to}, so this one must ` +
          'start on that day.',
      `${period.index}.effective_from_date`))
  })
  return found
}

function checkConfigurationDates (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  const periods = byStart(value, 'effective_from_date', 'effective_to_date')
  const found = periods.filter(period => period.from > now).map(period =>
    finding('configuration_period_starts_in_future',
      `The period starts on ${period.from}, after today (${now}).`,
      `${period.index}.effective_from_date`))
  const latest = periods[periods.length - 1]
  if (latest?.to !== undefined) {
    found.push(finding('latest_configuration_period_not_open_ended',
      'The latest configuration period must have no end date.',
      `${latest.index}.effective_to_date`))
  }
  return found
}

function secondOpenEnded (entries: Dated[], code: string,
  detail: string): RuleFinding[] {
  const open = entries.filter(entry => entry.to === undefined)
  return open.slice(1).map(entry => finding(code, detail, `${entry.index}`))
}

function checkTaxExemptions (value: unknown): RuleFinding[] {
  const entries = byStart(value, 'effective_from', 'effective_to')
  const found = secondOpenEnded(entries, 'multiple_open_ended_tax_exemptions',
    'Only one exemption may be open-ended.')
  entries.forEach((entry, position) => {
    const previous = entries[position - 1]
    if (previous === undefined) return
    const overlaps = previous.to === undefined
      ? entry.to !== undefined
      : entry.from < previous.to
    if (!overlaps) return
    found.push(finding('overlapping_effective_dates_for_tax_exemptions',
      `It overlaps the exemption starting ${previous.from}.`,
      `${entry.index}.effective_from`))
  })
  return found
}

function checkAqHistory (value: unknown): RuleFinding[] {
  const entries = byStart(value, 'effective_from', 'effective_to')
  const found = secondOpenEnded(entries,
    'multiple_open_ended_aqs_in_meterpoint_aq_history',
    'Only one annual quantity may be open-ended.')
  entries.forEach((entry, position) => {
    const previous = entries[position - 1]
    if (previous === undefined) return
    if (previous.to === undefined && entry.to === undefined) return
    if (previous.to !== undefined &&
      entry.from === addDays(previous.to, 1)) return
    found.push(finding('gaps_or_overlaps_in_aq_history',
      previous.to === undefined
        ? `The open-ended entry from ${previous.from} overlaps it.`
        : `The previous entry ends on ${previous.to}, so this one must ` +
          `start on ${addDays(previous.to, 1)}.`,
      `${entry.index}.effective_from`))
  })
  return found
}

const TAX_LISTS: Array<[string, string]> = [
  ['ElectricityMeterPoint', 'ccl_exemptions'],
  ['ElectricityMeterPoint', 'vat_exemptions'],
  ['GasMeterPoint', 'ccl_exemptions'],
  ['GasMeterPoint', 'vat_exemptions']
]

export const periodRules: Rule[] = [
  ...END_BEFORE_START.map(([component, start, end]) =>
    objectRule(component, ['start_date_later_than_end_date'],
      endBeforeStart(start, end))),
  fieldRule('ElectricityMeterPoint', 'capacity_values',
    ['gaps_or_overlaps_in_periods', 'zero_length_periods'],
    checkConsecutive),
  fieldRule('ElectricityMeterPoint', 'configuration_periods',
    ['gaps_or_overlaps_in_periods', 'zero_length_periods'],
    checkConsecutive),
  fieldRule('ElectricityMeterPoint', 'configuration_periods',
    ['configuration_period_starts_in_future',
      'latest_configuration_period_not_open_ended'],
    checkConfigurationDates),
  ...TAX_LISTS.map(([component, field]) => fieldRule(component, field,
    ['multiple_open_ended_tax_exemptions',
      'overlapping_effective_dates_for_tax_exemptions'],
    checkTaxExemptions)),
  fieldRule('GasMeterPoint', 'aq_history',
    ['multiple_open_ended_aqs_in_meterpoint_aq_history',
      'gaps_or_overlaps_in_aq_history'],
    checkAqHistory)
]
