// Codes from the supply side of the contract's catalogue that the mock
// does not check, each with the reason. The coverage report reads this.

const NO_ACCOUNT_CONTRACTS = 'The GB contract documents no ' +
  'account_contracts or contract terms on EnergyAccount, so no payload ' +
  'can carry what this rule compares.'

export const supplyNotChecked: Record<string, string> = {
  term_supply_type_mismatch: NO_ACCOUNT_CONTRACTS,
  account_contracts_without_supply_points: NO_ACCOUNT_CONTRACTS,
  contract_term_product_code_not_in_agreements: NO_ACCOUNT_CONTRACTS,
  agreement_cannot_start_before_product_available: NO_ACCOUNT_CONTRACTS,
  business_supply_type_on_domestic_account: 'The business-only supply ' +
    'types (REGOS and ROCS export certificates) are not in the GB ' +
    'contract\'s supply_type enum, so field validation refuses them first.',
  supply_type_not_recognised: 'Each meter point, meter and agent schema ' +
    'is for one fuel, and supply_type is an enum of the two, so the fuel ' +
    'is always known by the time a rule runs.',
  both_landlord_details_and_property_administrators_provided: 'The GB ' +
    'contract documents no landlord details field on a supply address.',
  characteristic_code_not_found: 'The contract lists every characteristic ' +
    'code as an enum, so field validation refuses an unknown one ' +
    '(invalid_choice) before rules run.',
  invalid_characteristic_value: 'The contract lists the values of each ' +
    'characteristic code as an enum, so field validation refuses a wrong ' +
    'one (invalid_choice) before rules run.',
  line_items_overlap_already_charged_period: 'Kraken compares with the ' +
    'charges it already holds for the supply point; the mock keeps no ' +
    'billing history per supply point.'
}
