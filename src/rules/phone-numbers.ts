import { isValidPhoneNumber } from 'libphonenumber-js/max'
import type { Rule, RuleFinding } from './types.js'

// UK numbers as Kraken GB accepts them: national or international form,
// checked against the numbering plan rather than a pattern.
function checkPhone (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  if (isValidPhoneNumber(value, 'GB')) return []
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
