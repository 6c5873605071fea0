import { flatMap } from '../readers.js'
import { isCompanyNumber } from '../formats/company-number.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { BUSINESS_DETAILS, checkDetail } from './details.js'
import {
  fieldRule, nestedFieldRule, firstRepeat, found, given, isObj, list,
  NON_FIELD, objectRule, type Obj, supplierOf
} from './support.js'

// Rules about the business behind an account and its portfolios.

const BUSINESSES = ['BaseBusiness', 'BusinessWithExistingContracts']

function checkCompanyNumber (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value === '' || isCompanyNumber(value)) {
    return []
  }
  return [found('invalid_company_number',
    `"${value}" is not a Companies House number, like 01234567 or ` +
    'SC123456.')]
}

function checkDetailKeys (value: unknown): RuleFinding[] {
  const details = list(value)
  const index = firstRepeat(details, detail => String(detail.key))
  if (index < 0) return []
  return [found('children_with_duplicate_values',
    `The business detail ${String(details[index]?.key)} is given twice.`)]
}

// The key is one of the contract's enum, so only the value can be wrong.
function checkBusinessDetail (detail: Obj): RuleFinding[] {
  const key = String(detail.key)
  if (BUSINESS_DETAILS[key] === undefined) return []
  return checkDetail('business_detail', BUSINESS_DETAILS, key, detail.value)
}

function checkContractIdentifier (business: Obj): RuleFinding[] {
  if (given(business, 'business_contract_identifiers') ||
    given(business, 'business_contract_identifier')) return []
  return [found('missing_contract_identifier',
    'Give the business_contract_identifiers of the contracts to import ' +
    'the account under.')]
}

const BUSINESS_INFORMATION = ['company_name', 'company_number',
  'business_type', 'segment_name', 'details']

// Whether the business is described in the payload or taken from its
// contract depends on the supplier, so the account checks it.
function checkBusinessLinking (account: Obj, ctx: RuleContext): RuleFinding[] {
  const business = account.business
  if (!isObj(business) || business.enforce_business_contracts_exist !== true) {
    return []
  }
  const linking = supplierOf(account, ctx)
    ?.linkAccountToBusinessWithContract === true
  const described = BUSINESS_INFORMATION.filter(f => given(business, f))
  const at = `business.${NON_FIELD}`
  if (linking && described.length > 0) {
    return [found('business_information_not_required_if_linking_via_contract',
      'The business comes from its contract for this supplier; leave out ' +
      `${described.join(', ')}.`, at)]
  }
  if (linking || described.length > 0) return []
  return [found('business_information_required_if_not_linking_via_contract',
    'Describe the business (company_name and the like): this supplier ' +
    'does not take it from the contract.', at)]
}

function checkPortfolioNamespaces (portfolio: Obj): RuleFinding[] {
  if (firstRepeat(list(portfolio.portfolio_references),
    ref => String(ref.namespace)) < 0) return []
  return [found('duplicate_portfolio_references',
    'Each portfolio reference namespace is given once.')]
}

// Every portfolio of the account, with its path from the account.
function portfoliosOf (account: Obj): Array<[Obj, string]> {
  const portfolios: Array<[Obj, string]> = []
  if (isObj(account.portfolio)) {
    portfolios.push([account.portfolio, 'portfolio'])
  }
  if (isObj(account.business)) {
    list(account.business.portfolios).forEach((portfolio, index) => {
      portfolios.push([portfolio, `business.portfolios.${index}`])
    })
  }
  return portfolios
}

// A supplier that creates new portfolios names them itself; otherwise a
// portfolio with settings must say which existing one it is.
function checkPortfolioReferences (account: Obj,
  ctx: RuleContext): RuleFinding[] {
  const creates = supplierOf(account, ctx)?.createNewPortfolios === true
  return flatMap(portfoliosOf(account), ([portfolio, path]) => {
    const at = `${path}.${NON_FIELD}`
    const referenced = given(portfolio, 'portfolio_references')
    if (creates && referenced) {
      return [found('portfolio_references_provided', 'This supplier ' +
        'creates new portfolios; leave out portfolio_references.', at)]
    }
    if (creates || referenced || !given(portfolio, 'portfolio_settings')) {
      return []
    }
    return [found('portfolio_references_missing',
      'A portfolio with settings needs its portfolio_references.', at)]
  })
}

export const businessRules: Rule[] = [
  ...flatMap(BUSINESSES, component => [
    fieldRule(component, 'company_number', ['invalid_company_number'],
      checkCompanyNumber),
    nestedFieldRule(component, 'details', ['children_with_duplicate_values'],
      checkDetailKeys)
  ]),
  objectRule('BusinessDetail', ['business_detail_incorrect_value_type',
    'business_detail_failed_validation'], checkBusinessDetail),
  objectRule('BusinessWithExistingContracts', ['missing_contract_identifier'],
    checkContractIdentifier),
  objectRule('EnergyAccount', [
    'business_information_required_if_not_linking_via_contract',
    'business_information_not_required_if_linking_via_contract'
  ], checkBusinessLinking),
  ...['AccountPortfolio', 'BusinessPortfolio'].map(component =>
    objectRule(component, ['duplicate_portfolio_references'],
      checkPortfolioNamespaces)),
  objectRule('EnergyAccount', ['portfolio_references_missing',
    'portfolio_references_provided'], checkPortfolioReferences)
]
