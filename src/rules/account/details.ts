import { flatMap } from '../readers.js'
import type { RuleFinding } from '../types.js'
import { found, isObj, type Obj } from './support.js'

// The detail keys the contract's enums list for customers and businesses,
// with the type and format a value must have. The contract names the keys
// but not their types; these follow what each key holds in GB.

type ValueType = 'string' | 'list'

interface DetailKey {
  type: ValueType
  // Whether a value of the right type is acceptable; absent accepts all.
  valid?: (value: unknown) => boolean
  // What the value must look like, for the message.
  format?: string
  // Two customers of one account may not share a value.
  unique?: boolean
}

const nonBlank = (value: unknown): boolean =>
  typeof value === 'string' && value.trim() !== '' && value.length <= 255

export const CUSTOMER_DETAILS: Record<string, DetailKey> = {
  external_user_id: {
    type: 'string',
    valid: nonBlank,
    format: 'a non-blank identifier of at most 255 characters',
    unique: true
  }
}

export const BUSINESS_DETAILS: Record<string, DetailKey> = {
  // UK SIC 2007 codes are five digits.
  sic_codes: {
    type: 'list',
    valid: value => Array.isArray(value) &&
      value.every(code => typeof code === 'string' && /^\d{5}$/.test(code)),
    format: 'a list of five-digit SIC codes'
  },
  vat_number: {
    type: 'string',
    valid: value => typeof value === 'string' &&
      /^(GB)?(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/.test(value.replace(/\s/g, '')),
    format: 'a UK VAT number, like GB123456789'
  },
  // England and Wales numbers, then Scotland's and Northern Ireland's.
  registered_charity_number: {
    type: 'string',
    valid: value => typeof value === 'string' &&
      /^(\d{6,7}(-\d{1,2})?|SC\d{6}|NIC?\d{5,6})$/.test(value),
    format: 'a charity number, like 1234567 or SC012345'
  },
  ofgem_protection_label: { type: 'string', valid: nonBlank }
}

function typeOf (value: unknown): ValueType | 'other' {
  if (typeof value === 'string') return 'string'
  if (Array.isArray(value)) return 'list'
  return 'other'
}

const ARTICLE: Record<ValueType, string> = {
  string: 'a string', list: 'a list'
}

// Problems with one key and its value, using the codes of `prefix`
// (customer_detail or business_detail).
export function checkDetail (prefix: string,
  keys: Record<string, DetailKey>, key: string, value: unknown,
  at?: string): RuleFinding[] {
  const entry = keys[key]
  if (entry === undefined) {
    return [found(`${prefix}_not_registered`,
      `"${key}" is not a detail namespace registered on this Kraken.`, at)]
  }
  if (typeOf(value) !== entry.type) {
    return [found(`${prefix}_incorrect_value_type`,
      `The value of "${key}" must be ${ARTICLE[entry.type]}.`, at)]
  }
  if (entry.valid !== undefined && !entry.valid(value)) {
    return [found(`${prefix}_failed_validation`,
      `The value of "${key}" must be ${entry.format ?? 'valid'}.`, at)]
  }
  return []
}

// The deprecated `details` object maps namespaces to values.
export function checkCustomerDetailsObject (value: unknown): RuleFinding[] {
  if (!isObj(value)) return []
  return flatMap(Object.entries(value), ([key, detail]) =>
    checkDetail('customer_detail', CUSTOMER_DETAILS, key, detail))
}

// The values a customer gives for the unique namespaces, from either form.
export function uniqueDetailValues (customer: Obj): Array<[string, string]> {
  const pairs: Array<[string, unknown]> = []
  if (isObj(customer.details)) pairs.push(...Object.entries(customer.details))
  if (Array.isArray(customer.user_details)) {
    for (const detail of customer.user_details) {
      if (isObj(detail)) pairs.push([String(detail.namespace), detail.value])
    }
  }
  return pairs.filter((pair): pair is [string, string] =>
    CUSTOMER_DETAILS[pair[0]]?.unique === true && typeof pair[1] === 'string')
}
