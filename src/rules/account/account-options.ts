import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  fieldRule, nestedFieldRule, found, given, isBusiness, isDomestic, isObj,
  list, meterPoints, objectRule, type Obj, supplierOf, text, today
} from './support.js'

// Rules about how an account is billed and run: billing options, tax
// exemptions, properties, operations teams, deposits.

function checkDebtAndDebts (account: Obj): RuleFinding[] {
  if (!isObj(account.debt) || !given(account, 'debts')) return []
  return [found('debt_and_debts_are_defined',
    'Give debts or the deprecated debt, not both.')]
}

function checkAdequacyAndReview (account: Obj): RuleFinding[] {
  if (!given(account, 'payment_adequacy_changes') ||
    !given(account, 'last_payment_review_date')) return []
  return [found('payment_adequacy_changes_and_last_payment_review_date_provided',
    'Give payment_adequacy_changes or last_payment_review_date, not both.')]
}

function checkBillingOptions (account: Obj): RuleFinding[] {
  const options = account.account_billing_options
  if (!isObj(options)) return []
  if (isDomestic(account)) {
    return [found('account_billing_options_provided_for_domestic_accounts',
      'Only business accounts may have account_billing_options.')]
  }
  if (isBusiness(account) && options.use_industry_billing !== true &&
    (!given(options, 'period_start_day') || !given(options, 'period_length'))) {
    return [found('business_account_missing_billing_options',
      'The billing options of a business account need period_start_day ' +
      'and period_length.')]
  }
  if (options.use_industry_billing === false &&
    options.period_length === 'QUARTERLY' &&
    !given(account, 'next_bill_due_date')) {
    return [found('next_bill_to_date_not_provided_for_quarterly_billing',
      'Quarterly billing outside industry billing needs a ' +
      'next_bill_due_date.')]
  }
  return []
}

function checkOptionsAlone (options: Obj): RuleFinding[] {
  const period = given(options, 'period_start_day') ||
    given(options, 'period_length')
  if (options.use_industry_billing === true && period) {
    return [found('account_billing_options_industry_billing_with_period_data',
      'Industry billing sets its own periods; leave out period_start_day ' +
      'and period_length.')]
  }
  if (options.use_industry_billing !== true && !period) {
    return [found('account_billing_options_period_data_required',
      'Give period_start_day and period_length, or use industry billing.')]
  }
  return []
}

function checkTaxExemptions (account: Obj): RuleFinding[] {
  if (!isDomestic(account)) return []
  const exempt = meterPoints(account).some(([point]) =>
    given(point, 'ccl_exemptions') || given(point, 'vat_exemptions'))
  if (!exempt) return []
  return [found('tax_exemptions_provided_for_domestic_account',
    'Tax exemptions are only for business accounts.')]
}

// Property identifiers come from the supply addresses and from the
// `properties` list, which the contract uses in rules but does not
// document; only its identifiers are read.
function propertyIds (account: Obj): string[] {
  return [...list(account.supply_addresses), ...list(account.properties)]
    .map(entry => text(entry, 'property_external_identifier'))
    .filter((id): id is string => id !== undefined)
}

function checkPropertyIds (account: Obj): RuleFinding[] {
  const ids = propertyIds(account)
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index)
  if (repeated === undefined) return []
  return [found('duplicate_property_external_identifiers',
    `The property_external_identifier "${repeated}" is used twice.`)]
}

function checkParentProperties (account: Obj): RuleFinding[] {
  const ids = new Set(propertyIds(account))
  const missing = [...list(account.supply_addresses),
    ...list(account.properties)]
    .map(entry => text(entry, 'parent_property_reference'))
    .find(parent => parent !== undefined && !ids.has(parent))
  if (missing === undefined) return []
  return [found('parent_property_reference_not_found',
    `No property in the payload has the identifier "${missing}".`)]
}

// The team is checked again when the account is processed; here only
// what staging can know: a team named where the supplier assigns one,
// and a team that does not exist.
function checkTeamAllocation (account: Obj, ctx: RuleContext): RuleFinding[] {
  const auto = supplierOf(account, ctx)?.autoAllocatedOperationsTeam ?? null
  if (auto === null || !given(account, 'operations_team_name')) return []
  return [found('operations_team_provided_when_using_auto_allocation',
    'This import supplier assigns an operations team itself; leave ' +
    'operations_team_name out.')]
}

function checkTeamExists (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value === '' ||
    ctx.seed.operationsTeams.some(team => team.name === value)) return []
  return [found('operations_team_name_does_not_exist',
    `There is no operations team named "${value}".`)]
}

function checkCycleDay (value: unknown): RuleFinding[] {
  if (typeof value !== 'number' || (value >= 1 && value <= 31)) return []
  return [found('invalid_day_of_month',
    `${value} is not a day of the month (1 to 31).`)]
}

function checkReviewDate (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value <= today(ctx)) return []
  return [found('last_payment_review_date_is_future_dated',
    'The last payment review cannot be later than today.')]
}

// A deposit still held is one that has not been fulfilled.
function checkDeposits (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const active = list(value).filter(deposit => !given(deposit, 'fulfilled_at'))
  const limit = ctx.seed.settings.maxActiveDeposits
  if (active.length <= limit) return []
  return [found('multiple_active_deposits_not_allowed',
    `An account may hold at most ${limit} active deposit agreement(s).`)]
}

export const accountOptionRules: Rule[] = [
  objectRule('EnergyAccount', ['debt_and_debts_are_defined'],
    checkDebtAndDebts),
  objectRule('EnergyAccount',
    ['payment_adequacy_changes_and_last_payment_review_date_provided'],
    checkAdequacyAndReview),
  objectRule('EnergyAccount', [
    'account_billing_options_provided_for_domestic_accounts',
    'business_account_missing_billing_options',
    'next_bill_to_date_not_provided_for_quarterly_billing'
  ], checkBillingOptions),
  objectRule('EnergyAccountBillingOptions', [
    'account_billing_options_industry_billing_with_period_data',
    'account_billing_options_period_data_required'
  ], checkOptionsAlone),
  objectRule('EnergyAccount', ['tax_exemptions_provided_for_domestic_account'],
    checkTaxExemptions),
  objectRule('EnergyAccount', ['duplicate_property_external_identifiers'],
    checkPropertyIds),
  objectRule('EnergyAccount', ['parent_property_reference_not_found'],
    checkParentProperties),
  objectRule('EnergyAccount',
    ['operations_team_provided_when_using_auto_allocation'],
    checkTeamAllocation),
  fieldRule('EnergyAccount', 'operations_team_name',
    ['operations_team_name_does_not_exist'], checkTeamExists),
  fieldRule('EnergyAccount', 'smart_read_cycle_day', ['invalid_day_of_month'],
    checkCycleDay),
  fieldRule('EnergyAccount', 'last_payment_review_date',
    ['last_payment_review_date_is_future_dated'], checkReviewDate),
  nestedFieldRule('EnergyAccount', 'deposit_agreements',
    ['multiple_active_deposits_not_allowed'], checkDeposits)
]
