import { isValidPhoneNumber } from 'libphonenumber-js/max'
import type { Rule, RuleFinding } from './types.js'

// UK numbers as Kraken GB accepts them: national or international form,
// checked against the numbering plan rather than a pattern.
//
// Checking a number against the plan costs tens of microseconds, and a
// cohort repeats many numbers (switchboards, agents, test fixtures), so
// answers are kept per text in a bounded map that starts over when full.
const KNOWN_LIMIT = 10_000
const known = new Map<string, boolean>()

function isUkNumber (value: string): boolean {
  let valid = known.get(value)
  if (valid === undefined) {
    valid = isValidPhoneNumber(value, 'GB')
    if (known.size >= KNOWN_LIMIT) known.clear()
    known.set(value, valid)
  }
  return valid
}

function checkPhone (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  if (isUkNumber(value)) return []
  return [{
    code: 'invalid_phone_number',
    detail: `"${value}" is not a recognised phone number.`
  }]
}

const PHONE_FIELDS: Array<[string, string]> = [
  ['EnergyCustomer', 'landline'],
  ['EnergyCustomer', 'mobile'],
  ['BusinessUser', 'landline'],
  ['BusinessUser', 'mobile'],
  ['PropertyAdministrator', 'landline'],
  ['PropertyAdministrator', 'mobile'],
  ['CustomerAlternativeNumber', 'phone_number']
]

export const phoneNumberRules: Rule[] = PHONE_FIELDS.map(
  ([component, field]) => ({
    component,
    field,
    codes: ['invalid_phone_number'],
    check: checkPhone
  }))
