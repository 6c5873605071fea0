import t from 'tap'
import {
  ELEC, GAS, elec, elecMeter, exampleAccount, gasMeter, only, supplyApp,
  validate
} from './helpers.js'

const app = await supplyApp(t)
const METER = `${ELEC}.meters.0`
const GAS_METER = `${GAS}.meters.0`

t.test('a settlement register on supply needs a transfer reading',
  async t => {
    const account = exampleAccount()
    elecMeter(account).transfer_readings = []
    t.same((await validate(app, account)).problems, [{
      code: 'missing_transfer_reading_for_register',
      attr: `${METER}.registers.0`
    }])
  })

t.test('a register takes one transfer reading only', async t => {
  const account = exampleAccount()
  const readings = elecMeter(account).transfer_readings
  readings.push({ ...readings[0], reading_value: '1001.00' })
  t.same((await validate(app, account)).problems, [{
    code: 'multiple_transfer_readings_for_register',
    attr: `${METER}.transfer_readings.1`
  }])
})

t.test('a gas meter on supply needs a transfer reading', async t => {
  const account = exampleAccount()
  gasMeter(account).transfer_readings = []
  t.same((await validate(app, account)).problems, [{
    code: 'active_gas_meter_without_transfer_reading',
    attr: `${GAS_METER}.transfer_readings`
  }])
})

t.test('a gas meter takes one transfer reading only', async t => {
  const account = exampleAccount()
  const readings = gasMeter(account).transfer_readings
  readings.push({ ...readings[0] })
  t.same((await validate(app, account)).problems, [{
    code: 'active_gas_meter_with_multiple_transfer_readings',
    attr: `${GAS_METER}.transfer_readings.1`
  }])
})

// Removing the only gas meter also leaves the point without a meter and
// its prepay balance without a meter to go on; other rules report those.
t.test('a gas meter removed before the last billed to date takes no ' +
  'transfer reading', async t => {
  const account = exampleAccount()
  gasMeter(account).removed_on = '2019-07-31'
  t.same(only(await validate(app, account), 'reading_meter_fully_billed'), [{
    code: 'reading_meter_fully_billed',
    attr: `${GAS_METER}.transfer_readings.0`
  }])
})

t.test('a settlement register needs an EAC for its TPR', async t => {
  const account = exampleAccount()
  delete elec(account).eac_history
  t.same((await validate(app, account)).problems, [{
    code: 'missing_eacs_for_active_register_tpr',
    attr: `${METER}.registers.0.tpr`
  }])
})

t.test('a transfer reading must be on the last billed to date', async t => {
  const account = exampleAccount()
  elecMeter(account).transfer_readings[0].reading_date = '2019-07-31'
  t.same((await validate(app, account)).problems, [{
    code: 'transfer_reading_dates_must_match_last_billed_to_date',
    attr: `${METER}.transfer_readings.0.reading_date`
  }])
})

t.test('a register\'s own last billed to date overrides the account\'s',
  async t => {
    const account = exampleAccount()
    elecMeter(account).registers[0].last_billed_to_date = '2019-07-31'
    elecMeter(account).transfer_readings[0].reading_date = '2019-07-31'
    t.same((await validate(app, account)).problems, [])
  })

t.test('a gas meter\'s own last billed to date is the one that counts',
  async t => {
    const account = exampleAccount()
    gasMeter(account).last_billed_to_date = '2019-07-31'
    t.same((await validate(app, account)).problems, [{
      code: 'transfer_reading_dates_must_match_last_billed_to_date',
      attr: `${GAS_METER}.transfer_readings.0.reading_date`
    }])
  })

t.test('a billed reading after the last billed to date is refused',
  async t => {
    const account = exampleAccount()
    elecMeter(account).reading_history[0].reading_date = '2019-08-05'
    t.same((await validate(app, account)).problems, [{
      code: 'billed_reading_after_last_billed_to_date',
      attr: `${METER}.reading_history.0.reading_date`
    }])
  })

t.test('an unbilled reading after the last billed to date is accepted',
  async t => {
    const account = exampleAccount()
    Object.assign(elecMeter(account).reading_history[0],
      { reading_date: '2019-08-05', billed: false })
    t.same((await validate(app, account)).problems, [])
  })
