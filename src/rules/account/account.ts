import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { checkConsents, checkMetadataKeys, isNamedTheOccupier } from
  './customers.js'
import { uniqueDetailValues } from './details.js'
import {
  accountType, nestedFieldRule, found, given, isBusiness, isDomestic,
  isObj, isOccupierAccount, list, meterPoints, objectRule, type Obj,
  sendsRegistrationFlows, text
} from './support.js'

// Rules about the kind of account and who is on it.

const isLead = (account: Obj): boolean =>
  accountType(account) === 'PORTFOLIO_LEAD'

function checkAccountTypes (account: Obj): RuleFinding[] {
  const chosen = new Set<string>()
  if (account.is_managed === true) chosen.add('MANAGED')
  if (account.is_portfolio_lead === true) chosen.add('PORTFOLIO_LEAD')
  const type = text(account, 'account_type')
  if (type !== undefined && chosen.size > 0) chosen.add(type)
  if (chosen.size < 2) return []
  return [found('multiple_account_types_selected',
    `The account is given several types (${[...chosen].join(', ')}); ` +
    'choose one with account_type.')]
}

function checkManaged (account: Obj, ctx: RuleContext): RuleFinding[] {
  if (accountType(account) !== 'MANAGED' ||
    ctx.seed.settings.managedAccountsAllowed) return []
  return [found('managed_accounts_are_not_allowed',
    'This Kraken does not allow managed accounts.')]
}

function checkPortfolioSettings (account: Obj): RuleFinding[] {
  const portfolio = account.portfolio
  if (!isObj(portfolio) || !given(portfolio, 'portfolio_settings') ||
    isLead(account)) return []
  return [found('portfolio_settings_included_when_not_lead',
    'Only a portfolio lead account may carry portfolio settings.')]
}

function hasBespokeRates (account: Obj): boolean {
  return meterPoints(account).some(([point]) =>
    list(point.agreements).some(agreement =>
      given(agreement, 'bespoke_tariff_rates')))
}

function checkBusinessFields (account: Obj): RuleFinding[] {
  if (!isDomestic(account)) return []
  const fields = ['business_type', 'company_number']
    .filter(field => given(account, field))
  if (fields.length > 0) {
    return [found('business_fields_provided_for_domestic_accounts',
      `A domestic account cannot have ${fields.join(' or ')}.`)]
  }
  if (!hasBespokeRates(account)) return []
  return [found('business_fields_provided_for_domestic_accounts',
    'Bespoke tariff rates are only for business accounts.')]
}

function checkUnknownOccupier (account: Obj): RuleFinding[] {
  if (account.unknown_occupier !== true ||
    list(account.customers).length === 0) return []
  return [found('customer_with_unknown_occupier',
    'An account for an unknown occupier cannot list customers.')]
}

function checkCustomerNames (account: Obj, ctx: RuleContext): RuleFinding[] {
  const customers = list(account.customers)
  if (isDomestic(account) &&
    customers.some(customer => text(customer, 'family_name') === undefined)) {
    return [found('customer_family_name_required',
      'Every customer of a domestic account needs a family_name.')]
  }
  if (isBusiness(account) && sendsRegistrationFlows(account, ctx) &&
    customers.some(customer => text(customer, 'given_name') === undefined)) {
    return [found('customer_given_name_required',
      'Every customer of a business account needs a given_name when ' +
      'registration flows are sent.')]
  }
  return []
}

function checkBusinessCustomers (account: Obj): RuleFinding[] {
  if (!isBusiness(account) || list(account.customers).length > 0) return []
  return [found('business_account_missing_customers',
    'A business account needs at least one customer to register its ' +
    'meter points.')]
}

function checkBusinessRequired (account: Obj,
  ctx: RuleContext): RuleFinding[] {
  const supplier = typeof account.import_supplier === 'string'
    ? ctx.store.findSupplier(account.import_supplier)
    : undefined
  if (supplier?.enforceBusinessContractsExist !== true ||
    isObj(account.business)) return []
  return [found('business_field_required',
    'This import supplier links accounts to business contracts, so the ' +
    'business must be given.')]
}

const BASIC_FIELDS = ['given_name', 'family_name', 'title', 'mobile',
  'landline', 'date_of_birth']

// A business user and a customer with the same email are one person, so
// the details both give must agree.
function checkUsersMatchCustomers (account: Obj): RuleFinding[] {
  const users = isObj(account.business) ? list(account.business.users) : []
  for (const customer of list(account.customers)) {
    const email = text(customer, 'email')?.toLowerCase()
    const user = users.find(candidate =>
      text(candidate, 'email')?.toLowerCase() === email)
    if (email === undefined || user === undefined) continue
    const differing = BASIC_FIELDS.filter(field => given(customer, field) &&
      given(user, field) && customer[field] !== user[field])
    if (differing.length > 0) {
      return [found('customer_details_and_user_details_both_provided',
        `The business user ${email} differs from the customer with that ` +
        `email in ${differing.join(', ')}.`)]
    }
  }
  return []
}

function checkDdReference (account: Obj): RuleFinding[] {
  const occupier = isOccupierAccount(account) ||
    list(account.customers).some(isNamedTheOccupier)
  if (!occupier || !given(account, 'dd_reference')) return []
  return [found('dd_reference_for_occupier_account',
    'A direct debit reference implies a known customer, so an occupier ' +
    'account cannot have one.')]
}

function checkUniqueDetails (value: unknown): RuleFinding[] {
  const seen = new Set<string>()
  for (const customer of list(value)) {
    // One customer may give a value in both forms; only others count.
    const own = new Set<string>()
    for (const [namespace, detail] of uniqueDetailValues(customer)) {
      const key = `${namespace}\u0000${detail}`
      if (own.has(key)) continue
      own.add(key)
      if (seen.has(key)) {
        return [found('repeated_values_for_unique_customer_detail_namespace',
          `Two customers share the ${namespace} "${detail}".`)]
      }
      seen.add(key)
    }
  }
  return []
}

export const accountShapeRules: Rule[] = [
  objectRule('EnergyAccount', ['multiple_account_types_selected'],
    checkAccountTypes),
  objectRule('EnergyAccount', ['managed_accounts_are_not_allowed'],
    checkManaged),
  objectRule('EnergyAccount', ['portfolio_settings_included_when_not_lead'],
    checkPortfolioSettings),
  objectRule('EnergyAccount',
    ['business_fields_provided_for_domestic_accounts'], checkBusinessFields),
  objectRule('EnergyAccount', ['customer_with_unknown_occupier'],
    checkUnknownOccupier),
  objectRule('EnergyAccount', ['customer_family_name_required',
    'customer_given_name_required'], checkCustomerNames),
  objectRule('EnergyAccount', ['business_account_missing_customers'],
    checkBusinessCustomers),
  objectRule('EnergyAccount', ['business_field_required'],
    checkBusinessRequired),
  objectRule('EnergyAccount',
    ['customer_details_and_user_details_both_provided'],
    checkUsersMatchCustomers),
  objectRule('EnergyAccount', ['dd_reference_for_occupier_account'],
    checkDdReference),
  objectRule('EnergyAccount', ['metadata_has_duplicate_keys'],
    checkMetadataKeys),
  nestedFieldRule('EnergyAccount', 'customers',
    ['repeated_values_for_unique_customer_detail_namespace'],
    checkUniqueDetails),
  nestedFieldRule('EnergyAccount', 'consents',
    ['field_not_enabled', 'children_with_duplicate_values'], checkConsents)
]
