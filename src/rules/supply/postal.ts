import { isDeliveryPointIdentifier } from '../formats/identifiers.js'
import { isUkPostcode } from '../formats/postcode.js'
import type { Rule, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, list, objectRule, text } from './data.js'

// Postal details of supply addresses, FiT installations and structured
// addresses, checked with the shared formats.

function checkPostcode (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value.trim() === '' ||
    isUkPostcode(value)) return []
  return [finding('invalid_postcode', `"${value}" is not a UK postcode.`)]
}

function checkDeliveryPoint (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value === '' ||
    isDeliveryPointIdentifier(value)) return []
  return [finding('invalid_delivery_point_identifier',
    `"${value}" may hold only capital letters and digits.`)]
}

const SUPPLY_LINES = ['supply_address1', 'supply_address2',
  'supply_address3', 'supply_address4', 'supply_address5']

// Address lines fill from the first; a line after a blank one means the
// source columns were shifted or mapped wrongly.
function checkSupplyLines (address: Obj): RuleFinding[] {
  const filled = SUPPLY_LINES.map(field => text(address, field) !== undefined)
  const gap = filled.findIndex((line, index) =>
    line && filled.slice(0, index).some(earlier => !earlier))
  const field = SUPPLY_LINES[gap]
  if (field === undefined) return []
  return [finding('invalid_address',
    `${field} follows a blank line; fill the address lines in order.`,
    field)]
}

// A structured GB address needs a street to deliver to and a postcode.
function checkStructured (address: Obj): RuleFinding[] {
  if (address.country !== 'GB') return []
  const found: RuleFinding[] = []
  if (text(address, 'street_address') === undefined) {
    found.push(finding('invalid_address',
      'A GB address needs a street_address.', 'street_address'))
  }
  const postcode = text(address, 'postal_code')
  if (postcode === undefined || !isUkPostcode(postcode)) {
    found.push(finding('invalid_postcode', postcode === undefined
      ? 'A GB address needs a postcode.'
      : `"${postcode}" is not a UK postcode.`, 'postal_code'))
  }
  return found
}

function checkAdministrators (value: unknown): RuleFinding[] {
  const administrators = list(value)
  if (administrators.length < 2) return []
  return [finding('multiple_property_administrators',
    'A supply address has one property administrator at most.', '1')]
}

export const postalRules: Rule[] = [
  fieldRule('EnergyLegacySupplyAddress', 'supply_postcode',
    ['invalid_postcode'], checkPostcode),
  fieldRule('EnergyAddress', 'postcode', ['invalid_postcode'], checkPostcode),
  fieldRule('EnergyLegacySupplyAddress', 'supply_delivery_point_identifier',
    ['invalid_delivery_point_identifier'], checkDeliveryPoint),
  fieldRule('Address', 'delivery_point_identifier',
    ['invalid_delivery_point_identifier'], checkDeliveryPoint),
  objectRule('EnergyLegacySupplyAddress', ['invalid_address'],
    checkSupplyLines),
  objectRule('Address', ['invalid_postcode', 'invalid_address'],
    checkStructured),
  fieldRule('EnergyLegacySupplyAddress', 'property_administrators',
    ['multiple_property_administrators'], checkAdministrators)
]
