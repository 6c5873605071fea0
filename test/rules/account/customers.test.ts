import { test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

const customerProblem = (code: string, attr = 'non_field_errors') =>
  [{ code, attr: `customers.0.${attr}` }]

test('the contract example breaks no customer rule', async t => {
  const app = await appWith(t)
  t.same(await problemsOf(app, exampleAccount()), [])
})

test('a customer with both details and user_details is refused',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.customers[0].details = { external_user_id: 'U-1' }
    account.customers[0].user_details =
      [{ namespace: 'external_user_id', value: 'U-1' }]
    t.same(await problemsOf(app, account),
      customerProblem('customer_details_and_user_details_both_provided'))
  })

test('"The Occupier" with contact details is refused for them', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  Object.assign(account.customers[0],
    { given_name: 'The', family_name: 'Occupier' })
  t.same(await problemsOf(app, account),
    customerProblem('contact_details_for_occupier'))
})

test('a customer may not be named "The Occupier"', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  const customer = account.customers[0]
  Object.assign(customer, { given_name: '', family_name: 'the  occupier' })
  for (const field of ['email', 'mobile', 'landline']) delete customer[field]
  t.same(await problemsOf(app, account),
    customerProblem('customer_may_not_be_named_the_occupier'))
})

test('deprecated details must use registered namespaces and types',
  async t => {
    const app = await appWith(t)
    const cases: Array<[unknown, string]> = [
      [{ favourite_colour: 'blue' }, 'customer_detail_not_registered'],
      [{ external_user_id: 42 }, 'customer_detail_incorrect_value_type'],
      [{ external_user_id: ' ' }, 'customer_detail_failed_validation']
    ]
    for (const [details, code] of cases) {
      const account = exampleAccount()
      account.customers[0].details = details
      t.same(await problemsOf(app, account),
        customerProblem(code, 'details'), code)
    }
  })

test('customer emails may not be test or internal addresses', async t => {
  const app = await appWith(t)
  const cases: Array<[string, string]> = [
    ['test@jablonski.com', 'possible_test_email_address'],
    ['bob@example.xxx', 'possible_test_email_address'],
    ['Hello@Tentacle.example', 'internal_email_address']
  ]
  for (const [email, code] of cases) {
    const account = exampleAccount()
    account.customers[0].email = email
    t.same(await problemsOf(app, account), customerProblem(code, 'email'),
      email)
  }
})

test('user_details must include the namespaces the instance requires',
  async t => {
    const app = await appWith(t, seed => {
      seed.settings.requiredCustomerDetailNamespaces = ['external_user_id']
    })
    const account = exampleAccount()
    account.customers[0].user_details = []
    t.same(await problemsOf(app, account), customerProblem(
      'required_customer_details_namespace_missing',
      'user_details.non_field_errors'))
  })

test('a customer\'s metadata keys are unique', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.customers[0].metadata =
    [{ key: 'k', value: 1 }, { key: 'k', value: 2 }]
  t.same(await problemsOf(app, account),
    customerProblem('metadata_has_duplicate_keys'))
})

test('roles, when given, name at least one role', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.customers[0].account_roles = []
  account.customers[0].portfolio_roles = []
  t.same(await problemsOf(app, account),
    customerProblem('required_user_role'))
})

test('an exclusive role is held alone', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.customers[0].account_roles = ['EXECUTOR']
  account.customers[0].portfolio_roles = ['CARER']
  t.same(await problemsOf(app, account),
    customerProblem('customer_has_exclusive_role_conflict'))
})

test('consents and customer_preferences are not both given', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.customers[0].consents = [{ type: 'MARKETING', value: 'ACCEPTED' }]
  t.same(await problemsOf(app, account),
    customerProblem('fields_are_mutually_exclusive'))
})

test('consents are refused where the instance does not use them',
  async t => {
    const app = await appWith(t, seed => {
      seed.settings.consentsEnabled = false
    })
    const account = exampleAccount()
    delete account.customers[0].customer_preferences
    account.customers[0].consents = [{ type: 'MARKETING', value: 'ACCEPTED' }]
    t.same(await problemsOf(app, account),
      customerProblem('field_not_enabled', 'consents.non_field_errors'))
    account.consents = account.customers[0].consents
    delete account.customers[0].consents
    t.same(await problemsOf(app, account),
      [{ code: 'field_not_enabled', attr: 'consents.non_field_errors' }])
  })

test('each consent type is given once', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  delete account.customers[0].customer_preferences
  const consent = { type: 'MARKETING', value: 'ACCEPTED' }
  account.customers[0].consents = [consent, { ...consent, value: 'REJECTED' }]
  t.same(await problemsOf(app, account), customerProblem(
    'children_with_duplicate_values', 'consents.non_field_errors'))
  delete account.customers[0].consents
  account.consents = [consent, consent]
  t.same(await problemsOf(app, account), [{
    code: 'children_with_duplicate_values', attr: 'consents.non_field_errors'
  }])
})

test('a consent cannot be signed in the future', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  delete account.customers[0].customer_preferences
  const consent = {
    type: 'MARKETING', value: 'ACCEPTED', signed_at: '2999-01-01T00:00:00Z'
  }
  account.customers[0].consents = [consent]
  t.same(await problemsOf(app, account),
    customerProblem('date_in_future', 'consents.0.signed_at'))
  delete account.customers[0].consents
  account.consents = [consent]
  t.same(await problemsOf(app, account),
    [{ code: 'date_in_future', attr: 'consents.0.signed_at' }])
})

test('a property administrator\'s period cannot end before it starts',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    Object.assign(account.supply_addresses[0].property_administrators[0], {
      effective_from: '2020-01-02T00:00:00Z',
      effective_to: '2020-01-01T00:00:00Z'
    })
    t.same(await problemsOf(app, account), [{
      code: 'start_date_later_than_end_date',
      attr: 'supply_addresses.0.property_administrators.0.non_field_errors'
    }])
  })
