import { test } from 'tap'
import { accountWith, appWith, exampleAccount, problemsOf } from './helpers.js'

const atRoot = (code: string) => [{ code, attr: 'non_field_errors' }]

const businessUser = {
  email: 'bob@jablonski.com',
  given_name: 'Bob',
  business_roles: ['ADMIN']
}

test('an account is given one account type', async t => {
  const app = await appWith(t)
  const account = accountWith({ is_managed: true })
  t.same(await problemsOf(app, account),
    atRoot('multiple_account_types_selected'))
})

test('managed accounts are refused where the instance forbids them',
  async t => {
    const app = await appWith(t, seed => {
      seed.settings.managedAccountsAllowed = false
    })
    const account = accountWith({ account_type: 'MANAGED' })
    t.same(await problemsOf(app, account),
      atRoot('managed_accounts_are_not_allowed'))
  })

test('only a portfolio lead carries portfolio settings', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.portfolio = {
    portfolio_settings: { collective_billing: true },
    portfolio_references: [{ namespace: 'portfolio-label', value: 'P-1' }]
  }
  t.same(await problemsOf(app, account),
    atRoot('portfolio_settings_included_when_not_lead'))
})

test('a domestic account has no business fields', async t => {
  const app = await appWith(t)
  const account = accountWith({ company_number: '01234567' })
  t.same(await problemsOf(app, account),
    atRoot('business_fields_provided_for_domestic_accounts'))
})

test('an unknown occupier account lists no customers', async t => {
  const app = await appWith(t)
  const account = accountWith({ unknown_occupier: true })
  t.same(await problemsOf(app, account),
    atRoot('customer_with_unknown_occupier'))
})

test('domestic customers need a family name', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.customers[0].family_name = ''
  t.same(await problemsOf(app, account),
    atRoot('customer_family_name_required'))
})

test('business customers need a given name when flows are sent',
  async t => {
    const app = await appWith(t)
    const account = accountWith({ account_type: 'BUSINESS' })
    account.customers[0].given_name = ''
    t.same(await problemsOf(app, account),
      atRoot('customer_given_name_required'))
  })

test('a business account has at least one customer', async t => {
  const app = await appWith(t)
  const account: Record<string, any> = {
    ...exampleAccount(), account_type: 'BUSINESS', customers: []
  }
  t.same(await problemsOf(app, account),
    atRoot('business_account_missing_customers'))
})

test('a supplier enforcing business contracts needs the business',
  async t => {
    const app = await appWith(t, seed => {
      Object.assign(seed.importSuppliers[0] ?? {},
        { enforceBusinessContractsExist: true })
    })
    t.same(await problemsOf(app, exampleAccount()),
      atRoot('business_field_required'))
  })

test('a business user agrees with the customer of the same email',
  async t => {
    const app = await appWith(t)
    const account = accountWith({ account_type: 'BUSINESS' })
    account.business = {
      company_name: 'Jabłoński Ltd',
      users: [{ ...businessUser, given_name: 'Robert' }]
    }
    t.same(await problemsOf(app, account),
      atRoot('customer_details_and_user_details_both_provided'))
    account.business.users[0].given_name = 'Bob'
    t.same(await problemsOf(app, account), [])
  })

test('an occupier account has no direct debit reference', async t => {
  const app = await appWith(t)
  const account: Record<string, any> = {
    ...exampleAccount(), account_type: 'DOMESTIC_OCCUPIER', dd_reference: 'DD1'
  }
  t.same(await problemsOf(app, account),
    atRoot('dd_reference_for_occupier_account'))
})

test('account metadata keys are unique', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.metadata.push({ key: 'metadata_key', value: 'again' })
  t.same(await problemsOf(app, account), atRoot('metadata_has_duplicate_keys'))
})

test('two customers cannot share a unique detail value', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  const detail = [{ namespace: 'external_user_id', value: 'U-1' }]
  account.customers[0].user_details = detail
  account.customers.push({
    given_name: 'Alice', family_name: 'Jabłońska', user_details: detail
  })
  t.same(await problemsOf(app, account), [{
    code: 'repeated_values_for_unique_customer_detail_namespace',
    attr: 'customers.non_field_errors'
  }])
})

test('debt and debts are not both given', async t => {
  const app = await appWith(t)
  const account = accountWith({ debt: { agency_name: 'Debt R Us' } })
  t.same(await problemsOf(app, account), atRoot('debt_and_debts_are_defined'))
})

test('billing options are only for business accounts', async t => {
  const app = await appWith(t)
  const account: Record<string, any> = {
    ...exampleAccount(), account_billing_options: { use_industry_billing: true }
  }
  t.same(await problemsOf(app, account),
    atRoot('account_billing_options_provided_for_domestic_accounts'))
})

test('a business account\'s billing options name the period', async t => {
  const app = await appWith(t)
  const account: Record<string, any> = {
    ...exampleAccount(),
    account_type: 'BUSINESS',
    account_billing_options: {
      use_industry_billing: false, period_length: 'MONTHLY'
    }
  }
  t.same(await problemsOf(app, account),
    atRoot('business_account_missing_billing_options'))
})

test('quarterly billing needs the next bill due date', async t => {
  const app = await appWith(t)
  const account: Record<string, any> = {
    ...exampleAccount(),
    account_type: 'BUSINESS',
    account_billing_options: {
      use_industry_billing: false, period_start_day: 1, period_length: 'QUARTERLY'
    }
  }
  delete account.next_bill_due_date
  t.same(await problemsOf(app, account),
    atRoot('next_bill_to_date_not_provided_for_quarterly_billing'))
})

test('billing options use industry billing or give a period', async t => {
  const app = await appWith(t)
  // A managed account is neither domestic nor business, so only the
  // options' own rule speaks.
  const account = accountWith({ account_type: 'MANAGED' })
  const cases: Array<[object, string]> = [
    [{ use_industry_billing: true, period_length: 'MONTHLY' },
      'account_billing_options_industry_billing_with_period_data'],
    [{ use_industry_billing: false },
      'account_billing_options_period_data_required']
  ]
  for (const [options, code] of cases) {
    account.account_billing_options = options
    t.same(await problemsOf(app, account), [{
      code, attr: 'account_billing_options.non_field_errors'
    }], code)
  }
})

test('tax exemptions are only for business accounts', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.supply_addresses[0].meter_points[0].ccl_exemptions =
    [{ effective_from: '2020-01-01', rate: '1.00' }]
  t.same(await problemsOf(app, account),
    atRoot('tax_exemptions_provided_for_domestic_account'))
})

test('property identifiers are unique and parents exist', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.supply_addresses[0].property_external_identifier = 'P-1'
  account.properties = [{ property_external_identifier: 'P-1' }]
  t.same(await problemsOf(app, account),
    atRoot('duplicate_property_external_identifiers'))
  account.properties = [{
    property_external_identifier: 'P-2', parent_property_reference: 'P-9'
  }]
  t.same(await problemsOf(app, account),
    atRoot('parent_property_reference_not_found'))
})

test('operations teams are named only when needed, and exist', async t => {
  const app = await appWith(t)
  const account = accountWith({ operations_team_name: 'Collections' })
  t.same(await problemsOf(app, account),
    atRoot('operations_team_provided_when_using_auto_allocation'))
  const manual = {
    ...exampleAccount('TENTACLE_MANUAL'), operations_team_name: 'Nobody'
  }
  t.same(await problemsOf(app, manual), [{
    code: 'operations_team_name_does_not_exist', attr: 'operations_team_name'
  }])
})

test('the smart read cycle day is a day of the month', async t => {
  const app = await appWith(t)
  const account = accountWith({ smart_read_cycle_day: 32 })
  t.same(await problemsOf(app, account), [{
    code: 'invalid_day_of_month', attr: 'smart_read_cycle_day'
  }])
})

test('the last payment review is not in the future', async t => {
  const app = await appWith(t)
  const account = accountWith({ last_payment_review_date: '2999-01-01' })
  t.same(await problemsOf(app, account), [{
    code: 'last_payment_review_date_is_future_dated',
    attr: 'last_payment_review_date'
  }])
})

test('an account holds one active deposit at most', async t => {
  const app = await appWith(t)
  const deposit = { deposit_amount: '100.00', reason: 'Credit check' }
  const account = accountWith({ deposit_agreements: [deposit, deposit] })
  t.same(await problemsOf(app, account), [{
    code: 'multiple_active_deposits_not_allowed',
    attr: 'deposit_agreements.non_field_errors'
  }])
})

test('agents are not given when no registration flows are sent',
  async t => {
    const app = await appWith(t, seed => {
      Object.assign(seed.importSuppliers[0] ?? {},
        { sendRegistrationFlows: false })
    })
    const account = exampleAccount()
    account.supply_addresses[0].meter_points[0].da_to_appoint = 'UDMS'
    t.same(await problemsOf(app, account), [{
      code: 'agents_supplied_for_non_on_market_switch',
      attr: 'supply_addresses.non_field_errors'
    }])
  })

test('no supply point of the account is being lost', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.supply_addresses[0].meter_points[1].supply_end_date = '2999-01-01'
  // The contract's supply rule future_supply_end_date refuses the same
  // date, so both are reported; only this share's finding is asserted.
  const problems = await problemsOf(app, account)
  t.same(problems.filter(p => p.code !== 'future_supply_end_date'), [{
    code: 'loss_in_progress', attr: 'supply_addresses.non_field_errors'
  }])
})
