import t from 'tap'
import { exampleAccount, only, supplyApp, validate } from './helpers.js'

const app = await supplyApp(t)
const ADDRESS = 'supply_addresses.0'

t.test('a supply postcode that is not a UK postcode is refused',
  async t => {
    const account = exampleAccount()
    account.supply_addresses[0].supply_postcode = 'W1F 9D'
    t.same((await validate(app, account)).problems, [{
      code: 'invalid_postcode', attr: `${ADDRESS}.supply_postcode`
    }])
  })

t.test('a supply postcode in lower case without a space is accepted',
  async t => {
    const account = exampleAccount()
    account.supply_addresses[0].supply_postcode = 'w1f9de'
    t.same((await validate(app, account)).problems, [])
  })

t.test('a delivery point identifier with lower case letters is refused',
  async t => {
    const account = exampleAccount()
    account.supply_addresses[0].supply_delivery_point_identifier = '1a'
    t.same((await validate(app, account)).problems, [{
      code: 'invalid_delivery_point_identifier',
      attr: `${ADDRESS}.supply_delivery_point_identifier`
    }])
  })

t.test('a supply address line after a blank one is refused', async t => {
  const account = exampleAccount()
  account.supply_addresses[0].supply_address3 = 'Soho'
  t.same((await validate(app, account)).problems, [{
    code: 'invalid_address', attr: `${ADDRESS}.supply_address3`
  }])
})

t.test('two property administrators at an address are refused',
  async t => {
    const account = exampleAccount()
    const administrators = account.supply_addresses[0].property_administrators
    administrators.push({ ...administrators[0], given_name: 'Willie' })
    const code = 'multiple_property_administrators'
    t.same(only(await validate(app, account), code), [{
      code, attr: `${ADDRESS}.property_administrators.1`
    }])
  })

// A structured billing address replaces the example's legacy lines, which
// an account rule would otherwise refuse alongside it.
function structured (address: Record<string, unknown>) {
  const account = exampleAccount()
  for (const field of Object.keys(account)) {
    if (field.startsWith('billing_address') ||
      field === 'billing_postcode') delete account[field]
  }
  account.billing_address = { country: 'GB', ...address }
  return account
}

t.test('a structured GB address needs a valid postcode', async t => {
  const account = structured({
    street_address: '123 Fake Street', postal_code: 'NOPE'
  })
  t.same(only(await validate(app, account), 'invalid_postcode'), [{
    code: 'invalid_postcode', attr: 'billing_address.postal_code'
  }])
})

t.test('a structured GB address needs a street', async t => {
  const account = structured({ postal_code: 'W1F 9DE' })
  t.same(only(await validate(app, account), 'invalid_address'), [{
    code: 'invalid_address', attr: 'billing_address.street_address'
  }])
})

t.test('a structured address\'s delivery point identifier is checked',
  async t => {
    const account = structured({
      street_address: '123 Fake Street',
      postal_code: 'W1F 9DE',
      delivery_point_identifier: '1a-'
    })
    const code = 'invalid_delivery_point_identifier'
    t.same(only(await validate(app, account), code), [{
      code, attr: 'billing_address.delivery_point_identifier'
    }])
  })

t.test('a FiT installation\'s postcode is checked', async t => {
  const account = exampleAccount()
  account.fit = {
    payment_method: 'CHEQUE',
    meters: [],
    installations: [{
      fit_id: 'FIT-1', address: { line1: '1 Roof Road', postcode: 'ZZ' }
    }]
  }
  t.same(only(await validate(app, account), 'invalid_postcode'), [{
    code: 'invalid_postcode', attr: 'fit.installations.0.address.postcode'
  }])
})
