import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { isValidSupplyPointIdentifier } from '../supply/identifiers.js'
import {
  date, fieldRule, found, given, instant, objectRule, type Obj
} from './support.js'

// Rules about the third parties an account deals with: affiliates paid
// commission on it, and partner organisations.

function checkCommissionValue (contract: Obj): RuleFinding[] {
  const value = given(contract, 'value')
  const uplift = given(contract, 'unit_rate_uplift') ||
    given(contract, 'standing_charge_uplift')
  if (value && uplift) {
    return [found('uplift_and_value_conflict',
      'Give the uplifts or the deprecated value, not both.')]
  }
  if (!given(contract, 'commission_type') || value || uplift) return []
  return [found('commission_type_requires_value',
    'A commission_type needs the uplift it pays.')]
}

function checkCommissionDates (contract: Obj): RuleFinding[] {
  const from = date(contract, 'effective_from')
  const to = date(contract, 'effective_to')
  if (from === undefined || to === undefined || to >= from) return []
  return [found('start_date_later_than_end_date',
    `The contract ends (${to}) before it starts (${from}).`)]
}

function checkAffiliate (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' ||
    ctx.seed.affiliateOrganisations.includes(value)) return []
  return [found('affiliate_organisation_does_not_exist',
    `There is no affiliate organisation "${value}" on this Kraken.`)]
}

function checkMpxn (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || isValidSupplyPointIdentifier(value)) {
    return []
  }
  return [found('invalid_supply_point_identifier',
    `"${value}" is neither an MPAN core nor an MPRN.`)]
}

function checkPartnerDates (partner: Obj): RuleFinding[] {
  const from = instant(partner.valid_from)
  const to = instant(partner.valid_to)
  if (from === undefined || to === undefined || to >= from) return []
  return [found('start_date_later_than_end_date',
    'valid_to cannot be before valid_from.')]
}

function checkPartner (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' ||
    ctx.seed.partnerOrganisations.includes(value)) return []
  return [found('partner_organisation_does_not_exist',
    `There is no partner organisation numbered "${value}".`)]
}

export const commissionRules: Rule[] = [
  objectRule('EnergyCommissionContract', ['commission_type_requires_value',
    'uplift_and_value_conflict'], checkCommissionValue),
  objectRule('EnergyCommissionContract', ['start_date_later_than_end_date'],
    checkCommissionDates),
  fieldRule('EnergyCommissionContract', 'affiliate_organisation_name',
    ['affiliate_organisation_does_not_exist'], checkAffiliate),
  fieldRule('EnergyCommissionContract', 'mpxn',
    ['invalid_supply_point_identifier'], checkMpxn),
  objectRule('PartnerOrganisation', ['start_date_later_than_end_date'],
    checkPartnerDates),
  fieldRule('PartnerOrganisation', 'organisation_number',
    ['partner_organisation_does_not_exist'], checkPartner)
]
