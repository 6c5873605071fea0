import { isInternalEmail } from '../formats/email.js'
import { isDeliveryPointIdentifier } from '../formats/identifiers.js'
import { isUkPostcode } from '../formats/postcode.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  fieldRule, found, given, isObj, isOccupierAccount, objectRule, type Obj
} from './support.js'

// Where an account's bills go: the legacy billing_address1..5 lines, the
// new billing_address object, the billing email.

const LINES = ['billing_address1', 'billing_address2', 'billing_address3',
  'billing_address4', 'billing_address5']

const LEGACY = [...LINES, 'billing_postcode']

function hasLegacyAddress (account: Obj): boolean {
  return LEGACY.some(field => given(account, field))
}

function checkStyle (account: Obj): RuleFinding[] {
  if (!isObj(account.billing_address) || !hasLegacyAddress(account)) return []
  return [found('billing_address_new_style_and_legacy',
    'Give billing_address or the legacy billing_address1..5 and ' +
    'billing_postcode, not both.')]
}

// Address lines fill from the first: a line after a blank one means the
// lines were shifted or mapped wrongly.
function checkLegacyLines (account: Obj): RuleFinding[] {
  if (!hasLegacyAddress(account)) return []
  const filled = LINES.map(field => given(account, field))
  const gap = filled.findIndex((line, index) =>
    line && filled.slice(0, index).some(earlier => !earlier))
  if (gap < 0) return []
  return [found('invalid_address',
    `${LINES[gap] ?? ''} is given after a blank address line; fill the ` +
    'lines in order.')]
}

// Occupier accounts take the supply address when no billing address is
// given, so only they may leave it out.
function checkProvided (account: Obj): RuleFinding[] {
  if (isOccupierAccount(account) || isObj(account.billing_address)) return []
  const missing = ['billing_address1', 'billing_postcode']
    .filter(field => !given(account, field))
  if (missing.length === 0) return []
  return [found('billing_address_not_provided',
    `The account needs a billing address: ${missing.join(' and ')} ` +
    'missing.')]
}

function checkPostcode (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value.trim() === '' ||
    isUkPostcode(value)) return []
  return [found('invalid_postcode', `"${value}" is not a UK postcode.`)]
}

function checkDeliveryPoint (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value === '' ||
    isDeliveryPointIdentifier(value)) return []
  return [found('invalid_delivery_point_identifier',
    'A delivery point identifier has only capital letters and digits.')]
}

function checkBillingEmail (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  // "blackhole+" addresses discard what they receive: no bill would arrive.
  if (value.toLowerCase().includes('blackhole+')) {
    return [found('billing_email_not_valid',
      'A billing email cannot be a "blackhole+" address.')]
  }
  if (isInternalEmail(value, ctx.seed.internalEmailAddresses)) {
    return [found('internal_email_address',
      `"${value}" is an address this Kraken receives mail on.`)]
  }
  return []
}

export const billingAddressRules: Rule[] = [
  objectRule('EnergyAccount', ['billing_address_new_style_and_legacy'],
    checkStyle),
  objectRule('EnergyAccount', ['invalid_address'], checkLegacyLines),
  objectRule('EnergyAccount', ['billing_address_not_provided'],
    checkProvided),
  fieldRule('EnergyAccount', 'billing_postcode', ['invalid_postcode'],
    checkPostcode),
  fieldRule('EnergyAccount', 'billing_delivery_point_identifier',
    ['invalid_delivery_point_identifier'], checkDeliveryPoint),
  fieldRule('EnergyAccount', 'billing_email',
    ['billing_email_not_valid', 'internal_email_address'], checkBillingEmail)
]
