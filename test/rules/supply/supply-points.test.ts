import t from 'tap'
import {
  ELEC, GAS, elec, exampleAccount, gas, gasMeter, only,
  supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)

// Kraken also reports a loss in progress at the address for this change.
t.test('a supply end date after today is refused', async t => {
  const account = exampleAccount()
  gas(account).supply_end_date = '2099-01-01'
  t.same(only(await validate(app, account), 'future_supply_end_date'), [{
    code: 'future_supply_end_date', attr: `${GAS}.supply_end_date`
  }])
})

// Moving supply start past the example's agreement also puts the agreement
// before supply, which another rule reports.
t.test('a meter point on supply starting after today is refused',
  async t => {
    const account = exampleAccount()
    elec(account).supply_start_date = '2099-01-01'
    t.same(only(await validate(app, account), 'future_supply_start_date'), [{
      code: 'future_supply_start_date', attr: `${ELEC}.supply_start_date`
    }])
  })

t.test('a meter point off supply needs a reading on its end date',
  async t => {
    const account = exampleAccount()
    elec(account).supply_end_date = '2019-07-31'
    delete elec(account).agreements
    t.same((await validate(app, account)).problems, [{
      code: 'no_reading_on_supply_end_date',
      attr: `${ELEC}.supply_end_date`
    }])
  })

t.test('a meter point on supply needs a meter on the wall', async t => {
  const account = exampleAccount()
  delete elec(account).meters
  t.same((await validate(app, account)).problems, [{
    code: 'meter_point_with_no_meters', attr: `${ELEC}.meters`
  }])
})

t.test('an unmetered supply needs no meter', async t => {
  const account = exampleAccount()
  delete elec(account).meters
  elec(account).measurement_class = 'B'
  t.same((await validate(app, account)).problems, [])
})

// Both points leave supply on the last billed to date, where the example
// already has their final readings; agreements and the prepay balance go
// with them.
t.test('an account needs a meter point on supply', async t => {
  const account = exampleAccount()
  for (const point of [elec(account), gas(account)]) {
    point.supply_end_date = '2019-08-01'
    delete point.agreements
  }
  delete gasMeter(account).prepay_details
  gasMeter(account).is_prepay = false
  t.same((await validate(app, account)).problems, [{
    code: 'no_supply_point_on_supply', attr: 'non_field_errors'
  }])
})

t.test('a gas point on supply needs an annual quantity for today',
  async t => {
    const account = exampleAccount()
    gas(account).aq_history[0].effective_to = '2019-12-31'
    t.same((await validate(app, account)).problems, [{
      code: 'no_current_or_future_aq_entry_found', attr: `${GAS}.aq_history`
    }])
  })
