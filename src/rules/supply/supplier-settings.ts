import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, list } from './data.js'

// Import settings of the supplier the account is imported under: Kraken
// may be told to create no properties, or no supply points, for it.

function settingsOf (account: Obj, ctx: RuleContext) {
  const code = account.import_supplier
  if (typeof code !== 'string') return undefined
  return ctx.store.findSupplier(code) ??
    ctx.seed.importSuppliers.find(supplier => supplier.code === code)
}

function checkProperties (value: unknown, account: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (settingsOf(account, ctx)?.skipPropertyCreation !== true ||
    list(value).length === 0) return []
  return [finding('supply_addresses_provided_while_skip_property_creation_enabled',
    'This import supplier skips property creation, so accounts take no ' +
    'supply addresses.')]
}

function checkSupplyPoints (value: unknown, account: Obj,
  ctx: RuleContext): RuleFinding[] {
  const skip = settingsOf(account, ctx)?.skipSupplyPointCreation === true
  return flatMap(list(value), (address, index) => {
    const given = list(address.meter_points).length > 0
    if (given === skip) {
      return [skip
        ? finding('supply_points_provided_while_skip_supply_point_creation_' +
          'enabled', 'This import supplier skips supply point creation, ' +
          'so addresses take no meter points.', `${index}.meter_points`)
        : finding('supply_points_not_provided_while_skip_supply_point_' +
          'creation_disabled', 'The address needs its meter points.',
        `${index}.meter_points`)]
    }
    return []
  })
}

export const supplierSettingRules: Rule[] = [
  fieldRule('EnergyAccount', 'supply_addresses',
    ['supply_addresses_provided_while_skip_property_creation_enabled'],
    checkProperties),
  fieldRule('EnergyAccount', 'supply_addresses',
    ['supply_points_provided_while_skip_supply_point_creation_enabled',
      'supply_points_not_provided_while_skip_supply_point_creation_disabled'],
    checkSupplyPoints)
]
