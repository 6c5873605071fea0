import t from 'tap'
import {
  type Account, ELEC, elec, exampleAccount, gas, only, supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)

function secondAddress (account: Account, points: Account[]): Account {
  const address = {
    ...structuredClone(account.supply_addresses[0]),
    supply_address1: '1 Other Road',
    meter_points: points
  }
  account.supply_addresses.push(address)
  return address
}

t.test('one meter point at two supply addresses is refused', async t => {
  const account = exampleAccount()
  secondAddress(account, [structuredClone(gas(account))])
  t.same((await validate(app, account)).problems, [{
    code: 'duplicate_meter_points_on_different_supply_addresses_provided',
    attr: 'supply_addresses.1.meter_points.0.identifier'
  }])
})

// The copy brings the same meter points with it, which is reported too.
t.test('the same supply address twice is refused', async t => {
  const account = exampleAccount()
  const copy = structuredClone(account.supply_addresses[0])
  copy.supply_postcode = 'w1f9de'
  account.supply_addresses.push(copy)
  t.same(only(await validate(app, account), 'duplicate_supply_addresses_found'),
    [{ code: 'duplicate_supply_addresses_found', attr: 'supply_addresses.1' }])
})

t.test('an export MPAN marked import-export needs its import MPAN',
  async t => {
    const account = exampleAccount()
    elec(account).export_type = 'IMPORT_EXPORT'
    t.same((await validate(app, account)).problems, [{
      code: 'import_meter_not_found_for_export_meter',
      attr: `${ELEC}.export_type`
    }])
  })

// A second MPAN (with a valid check digit) on the example's meter.
function sharedMeter (account: Account): Account {
  const point = {
    ...structuredClone(elec(account)),
    identifier: '1200060176730'
  }
  account.supply_addresses[0].meter_points.push(point)
  return point
}

t.test('an import-export meter on two MPANs is accepted', async t => {
  const account = exampleAccount()
  sharedMeter(account).export_type = 'IMPORT_EXPORT'
  t.same((await validate(app, account)).problems, [])
})

t.test('a meter on two MPANs that are not import-export is refused',
  async t => {
    const account = exampleAccount()
    sharedMeter(account)
    t.same((await validate(app, account)).problems, [{
      code: 'unexpected_number_of_meter_points_found_for_meter',
      attr: 'supply_addresses.0.meter_points.2.meters.0.meter_serial_number'
    }])
  })

// Changing the account type engages account rules too (a portfolio lead
// has no customers of its own, and so on), so only this code is compared.
const accountTypes: Array<[string, (a: Account) => void, string]> = [
  ['a portfolio lead', a => { a.account_type = 'PORTFOLIO_LEAD' },
    'portfolio_lead_has_a_supply_address'],
  ['a system account', a => { a.account_type = 'SYSTEM' },
    'system_account_has_a_supply_address']
]

for (const [what, change, code] of accountTypes) {
  t.test(`${what} with a supply address is refused`, async t => {
    const account = exampleAccount()
    change(account)
    t.same(only(await validate(app, account), code),
      [{ code, attr: 'supply_addresses' }])
  })
}

t.test('an occupier account with two supply addresses is refused',
  async t => {
    const account = exampleAccount()
    account.account_type = 'DOMESTIC_OCCUPIER'
    const moved = account.supply_addresses[0].meter_points.pop()
    secondAddress(account, [moved])
    const code = 'occupier_account_with_multiple_supply_addresses'
    t.same(only(await validate(app, account), code),
      [{ code, attr: 'supply_addresses' }])
  })

t.test('leaving an address before it is fully billed is refused',
  async t => {
    const account = exampleAccount()
    account.supply_addresses[0].customer_at_supply_address_to_date =
      '2019-09-01'
    t.same((await validate(app, account)).problems, [{
      code: 'unbilled_former_supply_address',
      attr: 'supply_addresses.0.customer_at_supply_address_to_date'
    }])
  })
