import { isTaxYear } from '../formats/identifiers.js'
import { seedIndex } from '../../seed/seed-index.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { CAIS_NAMESPACE, isClaimed } from './imported.js'
import {
  date, fieldRule, nestedFieldRule, found, given, isObj, list, objectRule,
  type Obj, text, today
} from './support.js'

// Rules about what an account refers to in Kraken's reference data:
// campaigns, reference namespaces, dunning paths, debt collection agencies,
// and references that must be unique across accounts.

function checkCampaignIdentifier (campaign: Obj,
  ctx: RuleContext): RuleFinding[] {
  const name = text(campaign, 'campaign_name')
  const slug = text(campaign, 'slug')
  if (name !== undefined && slug !== undefined) {
    return [found('campaign_name_and_slug_provided',
      'Name the campaign by slug or by campaign_name, not both.')]
  }
  if (name === undefined && slug === undefined) {
    return [found('campaign_name_or_slug_not_provided',
      'Name the campaign by its slug.')]
  }
  // One of the two is given (both or neither was answered above).
  const index = seedIndex(ctx.seed)
  const known = slug !== undefined
    ? index.campaignSlugs.has(slug)
    : index.campaignNames.has(name as string)
  if (known) return []
  return [found('campaign_not_found',
    `There is no campaign ${name ?? slug ?? ''} on this Kraken.`)]
}

function checkCampaignDates (campaign: Obj): RuleFinding[] {
  const start = date(campaign, 'start_date')
  const expiry = date(campaign, 'expiry_date')
  if (start === undefined || expiry === undefined || expiry > start) return []
  return [found('start_date_same_as_end_date',
    'A campaign must expire after the day it starts.')]
}

function checkCampaignList (value: unknown): RuleFinding[] {
  const campaigns = list(value)
  // A campaign named both ways is refused on its own.
  const byName = campaigns.filter(c =>
    given(c, 'campaign_name') && !given(c, 'slug'))
  const bySlug = campaigns.filter(c =>
    given(c, 'slug') && !given(c, 'campaign_name'))
  if (byName.length > 0 && bySlug.length > 0) {
    return [found('inconsistent_campaign_identifiers',
      'Name all the account\'s campaigns the same way: by slug or by ' +
      'campaign_name.')]
  }
  const ids = campaigns.map(c => text(c, 'slug') ?? text(c, 'campaign_name'))
    .filter(id => id !== undefined)
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index)
  if (repeated === undefined) return []
  return [found('duplicate_account_campaigns',
    `The campaign ${repeated} is given twice.`)]
}

function checkNamespace (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' ||
    ctx.seed.referenceNamespaces.includes(value)) return []
  return [found('invalid_reference_namespace',
    `There is no account reference namespace "${value}".`)]
}

function checkReferenceFree (reference: Obj,
  ctx: RuleContext): RuleFinding[] {
  const namespace = text(reference, 'namespace')
  const value = text(reference, 'value')
  if (namespace === undefined || value === undefined ||
    !isClaimed(ctx, namespace, value)) return []
  return [found('reference_already_exists',
    `Another account already has the ${namespace} reference ${value}.`)]
}

function checkDunningPath (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (!isObj(value)) return []
  const name = text(value, 'path_name')
  if (name === undefined || ctx.seed.dunningPaths.includes(name)) return []
  return [found('dunning_path_not_found',
    `There is no dunning path "${name}" on this Kraken.`)]
}

function checkNotInPast (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value >= today(ctx)) return []
  return [found('date_in_past', `${value} is in the past.`)]
}

function checkAgency (debt: Obj, ctx: RuleContext): RuleFinding[] {
  const agency = text(debt, 'agency_name')
  if (agency === undefined) {
    if (!given(debt, 'start_date')) return []
    return [found('debt_collection_agency_name_required',
      'A debt placed with an agency from start_date needs its agency_name.')]
  }
  if (ctx.seed.debtCollectionAgencies.includes(agency)) return []
  return [found('debt_collection_agency_does_not_exist',
    `There is no debt collection agency "${agency}" on this Kraken.`)]
}

// A CAIS reference identifies the debt to the credit reference agencies,
// so it belongs to one account only.
function checkCais (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  if (!ctx.seed.settings.caisReferencesSupported) {
    return [found('cais_references_not_supported',
      'This Kraken does not take CAIS references.')]
  }
  if (!isClaimed(ctx, CAIS_NAMESPACE, value)) return []
  return [found('cais_reference_already_in_use_on_another_account',
    `The CAIS reference ${value} belongs to another account.`)]
}

function checkTaxYear (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || isTaxYear(value)) return []
  return [found('incorrect_format_for_tax_year',
    `"${value}" is not a tax year written like 2018/19.`)]
}

function checkExemptionDates (exemption: Obj): RuleFinding[] {
  const from = date(exemption, 'effective_from')
  const to = date(exemption, 'effective_to')
  if (from === undefined || to === undefined || to > from) return []
  return [found('start_date_same_as_end_date',
    'A tax exemption must end after the day it starts.')]
}

export const referenceRules: Rule[] = [
  objectRule('AccountCampaign', ['campaign_name_and_slug_provided',
    'campaign_name_or_slug_not_provided', 'campaign_not_found'],
  checkCampaignIdentifier),
  objectRule('AccountCampaign', ['start_date_same_as_end_date'],
    checkCampaignDates),
  nestedFieldRule('EnergyAccount', 'account_campaigns',
    ['inconsistent_campaign_identifiers', 'duplicate_account_campaigns'],
    checkCampaignList),
  fieldRule('AccountReference', 'namespace', ['invalid_reference_namespace'],
    checkNamespace),
  objectRule('AccountReference', ['reference_already_exists'],
    checkReferenceFree),
  nestedFieldRule('EnergyAccount', 'dunning_path', ['dunning_path_not_found'],
    checkDunningPath),
  fieldRule('DunningPath', 'start_date', ['date_in_past'], checkNotInPast),
  objectRule('Debt', ['debt_collection_agency_does_not_exist',
    'debt_collection_agency_name_required'], checkAgency),
  fieldRule('Debt', 'cais_reference', ['cais_references_not_supported',
    'cais_reference_already_in_use_on_another_account'], checkCais),
  fieldRule('EnergyWarmHomeDiscount', 'tax_year',
    ['incorrect_format_for_tax_year'], checkTaxYear),
  objectRule('EnergyTaxExemption', ['start_date_same_as_end_date'],
    checkExemptionDates)
]
