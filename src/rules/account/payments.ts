import { compareText } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { ledgerEntries } from './ledgers.js'
import { checkLedgerCode } from './payment-schedules.js'
import {
  addDays, date, fieldRule, nestedFieldRule, firstRepeat, found, given,
  isObj, list, objectRule, type Obj, text, today
} from './support.js'

// Rules about how an account pays across its schedules, instructions,
// preferences and plans.

function checkUniformLedgerCodes (kind: string, code: string) {
  return (value: unknown): RuleFinding[] => {
    const entries = list(value)
    const withCode = entries.filter(entry => given(entry, 'ledger_code'))
    if (withCode.length === 0 || withCode.length === entries.length) return []
    return [found(code, `Give a ledger_code on every ${kind} or on none.`)]
  }
}

// Schedules compete within a ledger; debt repayment plans run alongside.
function byLedger (value: unknown): Obj[][] {
  const groups = new Map<string, Obj[]>()
  for (const schedule of list(value)) {
    if (schedule.is_debt_repayment_plan === true) continue
    const key = text(schedule, 'ledger_code') ?? ''
    groups.set(key, [...(groups.get(key) ?? []), schedule])
  }
  return [...groups.values()].map(group => group.sort((a, b) =>
    compareText(String(a.start_date), String(b.start_date))))
}

const endOf = (schedule: Obj): string =>
  date(schedule, 'end_date') ?? '9999-12-31'

function checkOpenEnded (value: unknown): RuleFinding[] {
  const crowded = byLedger(value).some(group =>
    group.filter(schedule => !given(schedule, 'end_date')).length > 1)
  if (!crowded) return []
  return [found('multiple_open_ended_payment_schedules',
    'Only one schedule per ledger may be open-ended.')]
}

function checkOverlaps (value: unknown): RuleFinding[] {
  for (const group of byLedger(value)) {
    for (const [index, schedule] of group.entries()) {
      const next = group[index + 1]
      if (next === undefined) continue
      if (String(next.start_date) <= endOf(schedule)) {
        return [found('payment_schedule_date_overlaps',
          `Schedules starting ${String(schedule.start_date)} and ` +
          `${String(next.start_date)} overlap.`)]
      }
    }
  }
  return []
}

// Past gaps no longer matter; a future schedule must follow on directly.
function checkGaps (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  for (const group of byLedger(value)) {
    for (const [index, schedule] of group.entries()) {
      const previous = group[index - 1]
      const start = String(schedule.start_date)
      if (previous === undefined || start <= now) continue
      const end = date(previous, 'end_date')
      if (end !== undefined && addDays(end, 1) < start) {
        return [found('payment_schedule_date_gaps',
          `No schedule covers the days between ${end} and ${start}.`)]
      }
    }
  }
  return []
}

function checkPlansAndSchedules (account: Obj): RuleFinding[] {
  const plans = new Set(list(account.payment_plans).map(plan =>
    text(plan, 'ledger_code') ?? ''))
  const shared = list(account.payment_schedules)
    .map(schedule => text(schedule, 'ledger_code') ?? '')
    .find(ledger => plans.has(ledger))
  if (shared === undefined) return []
  return [found('payment_plan_and_payment_schedule_not_allowed_on_same_ledger',
    'A payment plan makes its own schedule; the ledger ' +
    `${shared === '' ? 'of the account' : shared} cannot also have one.`)]
}

function checkPreferences (account: Obj): RuleFinding[] {
  const preferences = list(account.payment_preferences)
  if (preferences.length === 0) return []
  const findings: RuleFinding[] = []
  const ledgers = new Set(ledgerEntries(account)
    .map(ledger => ledger.ledger_identifier))
  const unknown = preferences.find(preference =>
    !ledgers.has(preference.ledger_identifier))
  if (unknown !== undefined) {
    findings.push(found('invalid_payment_preference_ledger_identifier',
      `No ledger has the identifier ${String(unknown.ledger_identifier)}.`))
  }
  if (firstRepeat(preferences, p => String(p.ledger_identifier)) >= 0) {
    findings.push(found('duplicate_ledger_in_payment_preferences',
      'Each ledger has one payment preference at most.'))
  }
  const instructions = new Set(list(account.payment_instructions)
    .map(instruction => instruction.instruction_identifier))
  const orphan = preferences.find(preference =>
    preference.type === 'ACTIVE_NEW' && isObj(
      preference.instruction_reference_params) && !instructions.has(
      preference.instruction_reference_params.instruction_identifier))
  if (orphan !== undefined) {
    findings.push(found(
      'active_new_payment_preference_invalid_instruction_identifier',
      'An ACTIVE_NEW preference names an instruction_identifier that no ' +
      'payment instruction has.'))
  }
  return findings
}

export const paymentRules: Rule[] = [
  nestedFieldRule('EnergyAccount', 'payment_schedules',
    ['payment_schedules_ledger_code_uniformity_failed'],
    checkUniformLedgerCodes('payment schedule',
      'payment_schedules_ledger_code_uniformity_failed')),
  nestedFieldRule('EnergyAccount', 'payment_instructions',
    ['payment_instructions_ledger_code_uniformity_failed'],
    checkUniformLedgerCodes('payment instruction',
      'payment_instructions_ledger_code_uniformity_failed')),
  nestedFieldRule('EnergyAccount', 'payment_schedules',
    ['multiple_open_ended_payment_schedules'], checkOpenEnded),
  nestedFieldRule('EnergyAccount', 'payment_schedules',
    ['payment_schedule_date_overlaps'], checkOverlaps),
  nestedFieldRule('EnergyAccount', 'payment_schedules',
    ['payment_schedule_date_gaps'], checkGaps),
  objectRule('EnergyAccount',
    ['payment_plan_and_payment_schedule_not_allowed_on_same_ledger'],
    checkPlansAndSchedules),
  objectRule('EnergyAccount', ['invalid_payment_preference_ledger_identifier',
    'duplicate_ledger_in_payment_preferences',
    'active_new_payment_preference_invalid_instruction_identifier'],
  checkPreferences),
  fieldRule('PaymentInstruction', 'ledger_code',
    ['ledger_code_does_not_exist'], checkLedgerCode),
  fieldRule('Ledger', 'ledger_code', ['ledger_code_does_not_exist'],
    checkLedgerCode)
]
