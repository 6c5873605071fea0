import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, list, objectRule, text } from './data.js'
import { asDate } from './dates.js'
import { fuelOfComponent, productOfTariff } from './products.js'

// Rules about one agreement: its tariff against the seeded products, its
// rate overrides and bespoke rates.

function checkTariffExists (component: string) {
  const fuel = fuelOfComponent(component)
  return (value: unknown, _owner: Obj, ctx: RuleContext): RuleFinding[] => {
    if (typeof value !== 'string') return []
    if (productOfTariff(ctx.seed, value, fuel) !== undefined) return []
    return [finding('tariff_code_not_found',
      `No ${fuel.toLowerCase()} tariff has the code "${value}".`)]
  }
}

function checkEndDatedProduct (component: string) {
  const fuel = fuelOfComponent(component)
  return (agreement: Obj, ctx: RuleContext): RuleFinding[] => {
    const product = productOfTariff(ctx.seed, agreement.tariff_code, fuel)
    if (product?.availableTo == null) return []
    if (asDate(agreement.effective_to) !== undefined) return []
    return [finding('open_ended_agreement_for_end_dated_product',
      `Product ${product.code} is withdrawn at ${product.availableTo}, so ` +
      'the agreement needs an effective_to.', 'effective_to')]
  }
}

function checkRateOverrides (component: string) {
  const fuel = fuelOfComponent(component)
  return (agreement: Obj, ctx: RuleContext): RuleFinding[] => {
    const overrides = list(agreement.rate_overrides)
    if (overrides.length === 0) return []
    const found: RuleFinding[] = []
    const from = asDate(agreement.effective_from)
    if (from !== undefined && asDate(agreement.effective_to) === from) {
      found.push(finding('invalid_period', 'Rates cannot be overridden ' +
        'for an agreement that ends the day it starts.', 'effective_to'))
    }
    const product = productOfTariff(ctx.seed, agreement.tariff_code, fuel)
    if (product === undefined) return found
    overrides.forEach((override, index) => {
      const band = text(override, 'rate_band')
      if (band === undefined || product.rateBands.includes(band)) return
      found.push(finding('rate_band_does_not_exist',
        `Product ${product.code} has no rate band "${band}".`,
        `rate_overrides.${index}.rate_band`))
    })
    return found
  }
}

function checkBespokeRegisters (agreement: Obj): RuleFinding[] {
  return flatMap(list(agreement.bespoke_tariff_rates), (rate, index) =>
    flatMap(list(rate.registers), (register, position) =>
      text(register, 'register_id') !== undefined ||
      text(register, 'rate_type') !== undefined
        ? []
        : [finding('no_register_id_or_rate_type_provided_for_bespoke_elec_rate',
            'A bespoke register rate needs a register_id or a rate_type.',
            `bespoke_tariff_rates.${index}.registers.${position}`)]))
}

// Two bespoke rates for the same meter and payment method would both
// claim to price the same consumption.
function checkBespokeDuplicates (value: unknown): RuleFinding[] {
  const seen = new Set<string>()
  return flatMap(list(value), (rate, index) => {
    const key = JSON.stringify([text(rate, 'meter_serial_number') ?? '',
      text(rate, 'payment_method') ?? ''])
    if (!seen.has(key)) {
      seen.add(key)
      return []
    }
    return [finding('duplicate_bespoke_rates', 'Another bespoke rate ' +
      'already covers this meter and payment method.', `${index}`)]
  })
}

function checkCharacteristicCodes (value: unknown): RuleFinding[] {
  const seen = new Set<string>()
  return flatMap(list(value), (item, index) => {
    const code = text(item, 'code')
    if (code === undefined) return []
    if (!seen.has(code)) {
      seen.add(code)
      return []
    }
    return [finding('children_with_duplicate_values',
      `Characteristic "${code}" is given twice.`, `${index}.code`)]
  })
}

function checkPortfolioNumber (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || /^P-[A-Z0-9]{8}$/.test(value)) return []
  return [finding('invalid_portfolio_number', `"${value}" is not a ` +
    'portfolio number (P- then 8 capital letters or digits).')]
}

const AGREEMENTS = ['ElectricityAgreement', 'GasAgreement']

export const agreementRules: Rule[] = [
  ...flatMap(AGREEMENTS, component => [
    fieldRule(component, 'tariff_code', ['tariff_code_not_found'],
      checkTariffExists(component)),
    objectRule(component, ['open_ended_agreement_for_end_dated_product'],
      checkEndDatedProduct(component)),
    objectRule(component, ['invalid_period', 'rate_band_does_not_exist'],
      checkRateOverrides(component)),
    fieldRule(component, 'bespoke_tariff_rates', ['duplicate_bespoke_rates'],
      checkBespokeDuplicates),
    fieldRule(component, 'characteristics',
      ['children_with_duplicate_values'], checkCharacteristicCodes)
  ]),
  objectRule('ElectricityAgreement',
    ['no_register_id_or_rate_type_provided_for_bespoke_elec_rate'],
    checkBespokeRegisters),
  fieldRule('AgreementIntermediaryDetails', 'portfolio_number',
    ['invalid_portfolio_number'], checkPortfolioNumber)
]
