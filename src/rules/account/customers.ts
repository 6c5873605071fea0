import { flatMap } from '../readers.js'
import { isInternalEmail, isPossibleTestEmail } from '../formats/email.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { checkCustomerDetailsObject } from './details.js'
import {
  fieldRule, nestedFieldRule, firstRepeat, found, given, instant, list,
  objectRule, type Obj, text
} from './support.js'

// Rules about the people on an account: customers, business users and
// property administrators.

const PEOPLE = ['EnergyCustomer', 'BusinessUser']

const OCCUPIER = /occupier/i

export function isNamedTheOccupier (person: Obj): boolean {
  const given = text(person, 'given_name')
  const family = text(person, 'family_name')
  // Most people are not: no need to build and normalise their name.
  if (!OCCUPIER.test(given ?? '') && !OCCUPIER.test(family ?? '')) return false
  const name = [given, family]
    .filter(part => part !== undefined).join(' ')
  return name.trim().replace(/\s+/g, ' ').toLowerCase() === 'the occupier'
}

const CONTACT_FIELDS = ['email', 'mobile', 'landline', 'contact_emails',
  'alternative_phone_numbers']

// A customer named "The Occupier" with contact details is someone known,
// so Kraken refuses the contact details; without them, the name itself.
function checkOccupierName (person: Obj): RuleFinding[] {
  if (!isNamedTheOccupier(person)) return []
  const contacts = CONTACT_FIELDS.filter(field => given(person, field))
  if (contacts.length > 0) {
    return [found('contact_details_for_occupier',
      'A customer named "The Occupier" cannot have contact details ' +
      `(${contacts.join(', ')}): a known contact is not an unknown ` +
      'occupier.')]
  }
  return [found('customer_may_not_be_named_the_occupier',
    'A customer may not be named "The Occupier"; set unknown_occupier on ' +
    'the account instead.')]
}

function checkBothDetails (person: Obj): RuleFinding[] {
  if (!given(person, 'details') || !given(person, 'user_details')) return []
  return [found('customer_details_and_user_details_both_provided',
    'Give user_details or the deprecated details, not both.')]
}

function checkEmail (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  if (isPossibleTestEmail(value)) {
    return [found('possible_test_email_address',
      `"${value}" looks like a test address, not a customer's.`)]
  }
  if (isInternalEmail(value, ctx.seed.internalEmailAddresses)) {
    return [found('internal_email_address',
      `"${value}" is an address this Kraken receives mail on.`)]
  }
  return []
}

function checkRequiredNamespaces (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const namespaces = new Set(list(value).map(detail => detail.namespace))
  const missing = ctx.seed.settings.requiredCustomerDetailNamespaces
    .filter(namespace => !namespaces.has(namespace))
  if (missing.length === 0) return []
  return [found('required_customer_details_namespace_missing',
    `user_details must include ${missing.join(', ')}.`)]
}

function rolesOf (customer: Obj): string[] {
  const roles: unknown[] = []
  for (const field of ['account_roles', 'portfolio_roles']) {
    const value = customer[field]
    if (Array.isArray(value)) roles.push(...value)
  }
  if (typeof customer.role === 'string') roles.push(customer.role)
  return roles.filter((role): role is string => typeof role === 'string')
}

// Only when roles are given at all: the contract's own example customer
// names none and is still valid.
function checkRolesGiven (customer: Obj): RuleFinding[] {
  const asked = ['account_roles', 'portfolio_roles']
    .some(field => Array.isArray(customer[field]))
  if (!asked || rolesOf(customer).length > 0) return []
  return [found('required_user_role',
    'Give the customer at least one role in account_roles or ' +
    'portfolio_roles.')]
}

function checkExclusiveRoles (customer: Obj,
  ctx: RuleContext): RuleFinding[] {
  const roles = [...new Set(rolesOf(customer))]
  const exclusive = roles.filter(role =>
    ctx.seed.settings.exclusiveRoles.includes(role))
  if (exclusive.length === 0 || roles.length < 2) return []
  return [found('customer_has_exclusive_role_conflict',
    `The role ${exclusive[0] ?? ''} cannot be held with any other role.`)]
}

function checkPreferencesAndConsents (customer: Obj): RuleFinding[] {
  if (!given(customer, 'customer_preferences') ||
    !given(customer, 'consents')) return []
  return [found('fields_are_mutually_exclusive',
    'Give consents or the deprecated customer_preferences, not both.')]
}

export function checkMetadataKeys (owner: Obj): RuleFinding[] {
  const entries = list(owner.metadata)
  const index = firstRepeat(entries, entry =>
    typeof entry.key === 'string' ? entry.key : undefined)
  if (index < 0) return []
  return [found('metadata_has_duplicate_keys',
    `The metadata key "${String(entries[index]?.key)}" is given twice.`)]
}

// Consents, for the account or a customer: only where the instance uses
// them, and one per type.
export function checkConsents (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const consents = list(value)
  if (consents.length === 0) return []
  if (!ctx.seed.settings.consentsEnabled) {
    return [found('field_not_enabled',
      'Consents are not enabled on this Kraken.')]
  }
  const index = firstRepeat(consents, consent =>
    typeof consent.type === 'string' ? consent.type : undefined)
  if (index < 0) return []
  return [found('children_with_duplicate_values',
    `The consent type "${String(consents[index]?.type)}" is given twice.`)]
}

function checkNotInFuture (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const at = instant(value)
  if (at === undefined || at <= ctx.clock.nowMs()) return []
  return [found('date_in_future', 'The consent cannot be signed in the ' +
    'future.')]
}

function checkAdministratorDates (admin: Obj): RuleFinding[] {
  const from = instant(admin.effective_from)
  const to = instant(admin.effective_to)
  if (from === undefined || to === undefined || to >= from) return []
  return [found('start_date_later_than_end_date',
    'effective_to cannot be before effective_from.')]
}

export const customerRules: Rule[] = [
  ...flatMap(PEOPLE, component => [
    objectRule(component, ['customer_details_and_user_details_both_provided'],
      checkBothDetails),
    objectRule(component, ['contact_details_for_occupier',
      'customer_may_not_be_named_the_occupier'], checkOccupierName),
    fieldRule(component, 'details', ['customer_detail_failed_validation',
      'customer_detail_incorrect_value_type',
      'customer_detail_not_registered'], checkCustomerDetailsObject),
    fieldRule(component, 'email', ['possible_test_email_address',
      'internal_email_address'], checkEmail),
    nestedFieldRule(component, 'user_details',
      ['required_customer_details_namespace_missing'],
      checkRequiredNamespaces)
  ]),
  objectRule('EnergyCustomer', ['metadata_has_duplicate_keys'],
    checkMetadataKeys),
  objectRule('EnergyCustomer', ['required_user_role'], checkRolesGiven),
  objectRule('EnergyCustomer', ['customer_has_exclusive_role_conflict'],
    checkExclusiveRoles),
  objectRule('EnergyCustomer', ['fields_are_mutually_exclusive'],
    checkPreferencesAndConsents),
  nestedFieldRule('EnergyCustomer', 'consents',
    ['field_not_enabled', 'children_with_duplicate_values'], checkConsents),
  fieldRule('CustomerConsent', 'signed_at', ['date_in_future'],
    checkNotInFuture),
  fieldRule('AccountConsent', 'signed_at', ['date_in_future'],
    checkNotInFuture),
  objectRule('PropertyAdministrator', ['start_date_later_than_end_date'],
    checkAdministratorDates)
]
