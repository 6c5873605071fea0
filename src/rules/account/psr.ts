import type { Fuel } from '../../seed/types.js'
import { psrNeedKey, seedIndex } from '../../seed/seed-index.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { fieldRule, found, given, objectRule, type Obj, text } from
  './support.js'

// Priority Services Register needs of a customer, checked against the
// industry codes the instance knows for each fuel.

const CODE_FIELDS: Array<[string, Fuel]> = [
  ['elec_industry_code', 'ELECTRICITY'],
  ['gas_industry_code', 'GAS']
]

function checkCodeGiven (psr: Obj): RuleFinding[] {
  if (CODE_FIELDS.some(([field]) => given(psr, field))) return []
  return [found('psr_industry_code_not_provided',
    'Give the need\'s elec_industry_code or gas_industry_code.')]
}

function isTemporary (psr: Obj, ctx: RuleContext): boolean {
  return CODE_FIELDS.some(([field, fuel]) => {
    const code = text(psr, field)
    return code !== undefined &&
      seedIndex(ctx.seed).temporaryPsrNeeds.has(psrNeedKey(fuel, code))
  })
}

function checkTemporaryEnds (psr: Obj, ctx: RuleContext): RuleFinding[] {
  if (given(psr, 'effective_to') || !isTemporary(psr, ctx)) return []
  return [found('temporary_psr_does_not_have_end_date',
    'A temporary need must say when it ends, in effective_to.')]
}

function checkDescription (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value.trim() === '') return []
  const wanted = value.trim().toLowerCase()
  if (seedIndex(ctx.seed).psrDescriptions.has(wanted)) return []
  return [found('psr_record_description_not_found',
    `"${value}" is not the description of a PSR need on this Kraken.`)]
}

function checkCode (fuel: Fuel, notFound: string) {
  return (value: unknown, _owner: Obj, ctx: RuleContext): RuleFinding[] => {
    if (typeof value !== 'string' || value === '') return []
    if (!/^\d{2}$/.test(value)) {
      return [found('psr_invalid_industry_code',
        `"${value}" is not an industry code: two digits, like 01.`)]
    }
    if (seedIndex(ctx.seed).psrNeeds.has(psrNeedKey(fuel, value))) return []
    return [found(notFound,
      `There is no ${fuel.toLowerCase()} PSR need with the code ${value}.`)]
  }
}

export const psrRules: Rule[] = [
  objectRule('EnergyPSR', ['psr_industry_code_not_provided'], checkCodeGiven),
  objectRule('EnergyPSR', ['temporary_psr_does_not_have_end_date'],
    checkTemporaryEnds),
  fieldRule('EnergyPSR', 'description', ['psr_record_description_not_found'],
    checkDescription),
  fieldRule('EnergyPSR', 'elec_industry_code', ['psr_invalid_industry_code',
    'electricity_psr_record_not_found'],
  checkCode('ELECTRICITY', 'electricity_psr_record_not_found')),
  fieldRule('EnergyPSR', 'gas_industry_code', ['psr_invalid_industry_code',
    'gas_psr_record_not_found'], checkCode('GAS', 'gas_psr_record_not_found'))
]
