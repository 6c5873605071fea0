import { isValidPhoneNumber } from 'libphonenumber-js/max'
import { textMemo } from '../lib/text-memo.js'
import type { Rule, RuleFinding } from './types.js'

// UK numbers as Kraken GB accepts them: national or international form,
// checked against the numbering plan rather than a pattern. That check
// costs tens of microseconds, and a cohort repeats many numbers
// (switchboards, agents, test fixtures), so answers are kept per text.
const isUkNumber = textMemo(10_000,
  (value) => isValidPhoneNumber(value, 'GB'))

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
