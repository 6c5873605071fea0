import type { Rule, RuleFinding } from '../types.js'
import { fieldRule } from './data.js'

// GB supply point identifiers. An MPAN core is 13 digits whose last digit
// checks the first twelve; an MPRN is 6 to 10 digits, and the 10-digit
// form ends in two check digits.

const MPAN_WEIGHTS = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43]

export function isValidMpan (value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false
  const digits = [...value].map(Number)
  const sum = MPAN_WEIGHTS.reduce((total, weight, index) =>
    total + weight * (digits[index] ?? 0), 0)
  return (sum % 11) % 10 === digits[12]
}

export function isValidMprn (value: string): boolean {
  if (!/^\d{6,10}$/.test(value)) return false
  if (value.length < 10) return true
  const digits = [...value.slice(0, 8)].map(Number)
  const sum = digits.reduce((total, digit, index) =>
    total + digit * (index + 1), 0)
  return (sum % 11).toString().padStart(2, '0') === value.slice(8)
}

// Either kind, for fields that name a supply point of any fuel.
export function isValidSupplyPointIdentifier (value: string): boolean {
  return isValidMpan(value) || isValidMprn(value)
}

function checkWith (valid: (value: string) => boolean, kind: string) {
  return (value: unknown): RuleFinding[] => {
    if (typeof value !== 'string' || valid(value)) return []
    return [{
      code: 'invalid_supply_point_identifier',
      detail: `"${value}" is not a valid ${kind}.`
    }]
  }
}

export const identifierRules: Rule[] = [
  fieldRule('ElectricityMeterPoint', 'identifier',
    ['invalid_supply_point_identifier'],
    checkWith(isValidMpan, 'MPAN core (13 digits ending in a check digit)')),
  fieldRule('GasMeterPoint', 'identifier',
    ['invalid_supply_point_identifier'],
    checkWith(isValidMprn, 'MPRN (6 to 10 digits, the last two of a ' +
      '10-digit MPRN being check digits)'))
]
