import t from 'tap'
import {
  type Account, GAS, exampleAccount, gas, gasMeter, only, supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)
const OLD = `${GAS}.meters.0`

// The example with its gas meter exchanged after the last billed to date
// (2019-08-01): the old meter carries its own billed-to date, a transfer
// reading and a reading on removal; the new one starts unbilled.
function exchanged (): Account {
  const account = exampleAccount()
  Object.assign(gasMeter(account), {
    removed_on: '2019-09-15',
    last_billed_to_date: '2019-08-01',
    reading_history: [{
      reading_date: '2019-09-15',
      reading_value: '540.00',
      reading_type: 'CUSTOMER',
      billed: false
    }]
  })
  gas(account).meters.push({
    meter_serial_number: 'G4N1',
    gas_number_of_digits: 5,
    installed_on: '2019-09-15',
    is_prepay: true
  })
  return account
}

t.test('a complete meter exchange is accepted', async t => {
  t.same((await validate(app, exchanged())).problems, [])
})

t.test('an exchanged meter needs a reading on its removal', async t => {
  const account = exchanged()
  gasMeter(account).reading_history = []
  t.same((await validate(app, account)).problems, [{
    code: 'no_reading_on_removed_on', attr: `${OLD}.removed_on`
  }])
})

t.test('an exchanged meter needs a transfer reading', async t => {
  const account = exchanged()
  gasMeter(account).transfer_readings = []
  t.same((await validate(app, account)).problems, [{
    code: 'no_transfer_reading_on_exchanged_meter',
    attr: `${OLD}.transfer_readings`
  }])
})

t.test('an exchanged meter needs its own last billed to date', async t => {
  const account = exchanged()
  delete gasMeter(account).last_billed_to_date
  t.same((await validate(app, account)).problems, [{
    code: 'no_last_billed_to_date_on_exchanged_meter',
    attr: `${OLD}.last_billed_to_date`
  }])
})

// Once billed to a date, the new meter is also expected to have a transfer
// reading on it, which another rule reports.
t.test('the meter fitted in an exchange has no last billed to date',
  async t => {
    const account = exchanged()
    gas(account).meters[1].last_billed_to_date = '2019-09-15'
    const code = 'last_billed_to_date_on_new_meter'
    t.same(only(await validate(app, account), code), [{
      code, attr: `${GAS}.meters.1.last_billed_to_date`
    }])
  })

t.test('a prepay vend read long before the last billed to date is ' +
  'refused', async t => {
  const account = exampleAccount()
  gasMeter(account).prepay_details.transfer_vend_read_date = '2019-07-20'
  t.same((await validate(app, account)).problems, [{
    code: 'transfer_vend_read_date_must_match_last_billed_to_date',
    attr: `${OLD}.prepay_details.transfer_vend_read_date`
  }])
})

t.test('a vend read on the last billed to date is accepted', async t => {
  const account = exampleAccount()
  gasMeter(account).prepay_details.transfer_vend_read_date = '2019-08-01'
  t.same((await validate(app, account)).problems, [])
})

// The removed meter also leaves the point on supply without one.
t.test('prepay details on a meter removed before the last billed to ' +
  'date are refused', async t => {
  const account = exampleAccount()
  gasMeter(account).removed_on = '2019-07-31'
  gasMeter(account).transfer_readings = []
  const code = 'prepay_details_on_fully_billed_meter'
  t.same(only(await validate(app, account), code), [{
    code, attr: `${OLD}.prepay_details`
  }])
})

// Transactions change the account's balance, which account rules compare
// with transfer_balance; only the prepay target is looked at here.
t.test('a payment sent to a meter without prepay details is refused',
  async t => {
    const account = exampleAccount()
    account.current_statement_transactions = [{
      type: 'PAYMENT',
      amount: '10.00',
      transaction_date: '2019-08-04',
      transaction_id: 'P-1',
      to_prepay_meter_serial_number: 'Z16N389556'
    }]
    const code = 'transactions_target_non_initialised_prepay_meter'
    t.same(only(await validate(app, account), code), [{
      code,
      attr: 'current_statement_transactions.0.to_prepay_meter_serial_number'
    }])
  })

t.test('a payment sent to the prepay meter is accepted', async t => {
  const account = exampleAccount()
  account.current_statement_transactions = [{
    type: 'PAYMENT',
    amount: '10.00',
    transaction_date: '2019-08-04',
    transaction_id: 'P-1',
    to_prepay_meter_serial_number: '54BV'
  }]
  t.same(only(await validate(app, account),
    'transactions_target_non_initialised_prepay_meter'), [])
})
