import { test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

function businessAccount (business: object): Record<string, any> {
  return { ...exampleAccount(), account_type: 'BUSINESS', business }
}

const company = { company_name: 'Jabłoński Ltd', business_type: 'LTD' }
const linked = {
  enforce_business_contracts_exist: true,
  business_contract_identifiers: ['CONTRACT-1']
}

test('a business account as the contract describes it passes', async t => {
  const app = await appWith(t)
  const account = businessAccount({ ...company, company_number: 'sc 12345' })
  t.same(await problemsOf(app, account), [])
})

test('a company number is a Companies House number', async t => {
  const app = await appWith(t)
  const problem = [{
    code: 'invalid_company_number', attr: 'business.company_number'
  }]
  for (const number of ['ABC', 'XY123456', '00000000']) {
    t.same(await problemsOf(app,
      businessAccount({ ...company, company_number: number })), problem,
    number)
  }
  t.same(await problemsOf(app,
    businessAccount({ ...linked, company_number: '123456789' })), problem,
  'on a business linked by contract')
})

test('business details are given once each, with fitting values',
  async t => {
    const app = await appWith(t)
    const vat = { key: 'vat_number', value: 'GB123456789' }
    t.same(await problemsOf(app,
      businessAccount({ ...company, details: [vat, vat] })), [{
      code: 'children_with_duplicate_values',
      attr: 'business.details.non_field_errors'
    }])
    const cases: Array<[unknown, string]> = [
      ['35110', 'business_detail_incorrect_value_type'],
      [['3511'], 'business_detail_failed_validation']
    ]
    for (const [value, code] of cases) {
      const details = [{ key: 'sic_codes', value }]
      t.same(await problemsOf(app, businessAccount({ ...company, details })),
        [{ code, attr: 'business.details.0.non_field_errors' }], code)
    }
  })

test('a business linked by contract names a contract', async t => {
  const app = await appWith(t)
  t.same(await problemsOf(app, businessAccount({
    ...company, enforce_business_contracts_exist: true
  })), [{
    code: 'missing_contract_identifier', attr: 'business.non_field_errors'
  }])
})

test('the business is described unless the supplier links it', async t => {
  const app = await appWith(t)
  t.same(await problemsOf(app, businessAccount(linked)), [{
    code: 'business_information_required_if_not_linking_via_contract',
    attr: 'business.non_field_errors'
  }])
  const linking = await appWith(t, seed => {
    Object.assign(seed.importSuppliers[0] ?? {},
      { linkAccountToBusinessWithContract: true })
  })
  t.same(await problemsOf(linking, businessAccount(linked)), [])
  t.same(await problemsOf(linking, businessAccount({ ...linked, ...company })),
    [{
      code: 'business_information_not_required_if_linking_via_contract',
      attr: 'business.non_field_errors'
    }])
})

test('business users follow the customer rules', async t => {
  const app = await appWith(t)
  const user = {
    email: 'test@jablonski.com', given_name: 'Bob', business_roles: ['ADMIN']
  }
  t.same(await problemsOf(app, businessAccount({ ...company, users: [user] })),
    [{ code: 'possible_test_email_address', attr: 'business.users.0.email' }])
})

test('portfolio reference namespaces are given once', async t => {
  const app = await appWith(t)
  const references = [
    { namespace: 'portfolio-label', value: 'North' },
    { namespace: 'portfolio-label', value: 'South' }
  ]
  const account = exampleAccount()
  account.portfolio = { portfolio_references: references }
  t.same(await problemsOf(app, account), [{
    code: 'duplicate_portfolio_references',
    attr: 'portfolio.non_field_errors'
  }])
  const business = businessAccount({
    ...company, portfolios: [{ portfolio_references: references }]
  })
  t.same(await problemsOf(app, business), [{
    code: 'duplicate_portfolio_references',
    attr: 'business.portfolios.0.non_field_errors'
  }])
})

test('a portfolio with settings says which portfolio it is', async t => {
  const app = await appWith(t)
  // A portfolio lead account has no supply of its own.
  const account = {
    ...exampleAccount(),
    account_type: 'PORTFOLIO_LEAD',
    supply_addresses: [],
    portfolio: { portfolio_settings: { collective_billing: true } }
  }
  t.same(await problemsOf(app, account), [{
    code: 'portfolio_references_missing', attr: 'portfolio.non_field_errors'
  }])
})

test('a supplier creating portfolios takes no portfolio references',
  async t => {
    const app = await appWith(t, seed => {
      Object.assign(seed.importSuppliers[0] ?? {}, { createNewPortfolios: true })
    })
    const account = exampleAccount()
    account.portfolio = {
      portfolio_references: [{ namespace: 'portfolio-label', value: 'North' }]
    }
    t.same(await problemsOf(app, account), [{
      code: 'portfolio_references_provided', attr: 'portfolio.non_field_errors'
    }])
  })
