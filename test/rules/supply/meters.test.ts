import t from 'tap'
import {
  ELEC, GAS, elecMeter, exampleAccount, gasMeter, only, supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)
const METER = `${ELEC}.meters.0`
const GAS_METER = `${GAS}.meters.0`

t.test('an electricity serial longer than ten characters is refused',
  async t => {
    const account = exampleAccount()
    elecMeter(account).meter_serial_number = 'Z16N389556XX'
    t.same((await validate(app, account)).problems, [{
      code: 'invalid_meter_serial_number',
      attr: `${METER}.meter_serial_number`
    }])
  })

t.test('a gas serial with punctuation is refused', async t => {
  const account = exampleAccount()
  gasMeter(account).meter_serial_number = '54-BV'
  t.same((await validate(app, account)).problems, [{
    code: 'invalid_meter_serial_number',
    attr: `${GAS_METER}.meter_serial_number`
  }])
})

t.test('a serial of spaces only is blank', async t => {
  const account = exampleAccount()
  gasMeter(account).meter_serial_number = '   '
  t.same((await validate(app, account)).problems, [{
    code: 'blank', attr: `${GAS_METER}.meter_serial_number`
  }])
})

t.test('smart details on a meter that is not smart are refused',
  async t => {
    const account = exampleAccount()
    elecMeter(account).smart_device_id = '00-11-22-33-44-55-66-77'
    t.same((await validate(app, account)).problems, [{
      code: 'smart_details_provided_for_non_smart_meter',
      attr: `${METER}.smart_device_id`
    }])
  })

t.test('prepay details on a credit meter are refused', async t => {
  const account = exampleAccount()
  elecMeter(account).prepay_customer_reference_number = '123456'
  t.same((await validate(app, account)).problems, [{
    code: 'prepay_details_on_non_prepay_meter',
    attr: `${METER}.prepay_customer_reference_number`
  }])
})

// Making the example's credit meter prepay also puts it on the wrong kind
// of tariff, which another rule reports.
t.test('an electricity prepay meter needs its customer reference number',
  async t => {
    const account = exampleAccount()
    elecMeter(account).is_prepay = true
    const code = 'electricity_prepay_meter_without_customer_reference_number'
    t.same(only(await validate(app, account), code), [{
      code, attr: `${METER}.prepay_customer_reference_number`
    }])
  })

t.test('a prepay customer reference number must be a whole number',
  async t => {
    const account = exampleAccount()
    elecMeter(account).is_prepay = true
    elecMeter(account).prepay_customer_reference_number = '12 34X'
    const code = 'invalid_prepay_customer_reference_number'
    t.same(only(await validate(app, account), code), [{
      code, attr: `${METER}.prepay_customer_reference_number`
    }])
  })

t.test('spaces inside a prepay customer reference number are ignored',
  async t => {
    const account = exampleAccount()
    elecMeter(account).is_prepay = true
    elecMeter(account).prepay_customer_reference_number = '12 34 56'
    t.same(only(await validate(app, account),
      'invalid_prepay_customer_reference_number'), [])
  })

t.test('two registers of a meter on one TPR are refused', async t => {
  const account = exampleAccount()
  elecMeter(account).registers[1].tpr = '00001'
  t.same((await validate(app, account)).problems, [{
    code: 'registers_have_duplicate_tprs',
    attr: `${METER}.registers.1.tpr`
  }])
})

t.test('a smart meter commissioned after today is refused', async t => {
  const account = exampleAccount()
  gasMeter(account).smart_commissioned_on = '2099-01-01'
  t.same((await validate(app, account)).problems, [{
    code: 'future_smart_meter_commission_date',
    attr: `${GAS_METER}.smart_commissioned_on`
  }])
})

t.test('a smart device id that is not 16 hex digits is refused',
  async t => {
    const account = exampleAccount()
    gasMeter(account).smart_device_id = '00-11-22-33-44-55-66-ZZ'
    t.same((await validate(app, account)).problems, [{
      code: 'invalid_smart_device_id', attr: `${GAS_METER}.smart_device_id`
    }])
  })

// Without its register the transfer reading no longer counts for register
// 1, which is then reported as lacking one.
t.test('a transfer reading must name its register', async t => {
  const account = exampleAccount()
  delete elecMeter(account).transfer_readings[0].register_id
  const code = 'reading_without_register_id'
  t.same(only(await validate(app, account), code), [{
    code, attr: `${METER}.transfer_readings.0.register_id`
  }])
})

t.test('a transfer reading must name one of the meter\'s registers',
  async t => {
    const account = exampleAccount()
    elecMeter(account).transfer_readings[0].register_id = 'Q'
    const code = 'reading_register_id_not_recognised'
    t.same(only(await validate(app, account), code), [{
      code, attr: `${METER}.transfer_readings.0.register_id`
    }])
  })

t.test('a historical reading must name its register', async t => {
  const account = exampleAccount()
  delete elecMeter(account).reading_history[0].register_id
  t.same((await validate(app, account)).problems, [{
    code: 'no_register_id_for_reading',
    attr: `${METER}.reading_history.0.register_id`
  }])
})

t.test('a historical reading must name one of the meter\'s registers',
  async t => {
    const account = exampleAccount()
    elecMeter(account).reading_history[1].register_id = 'Q'
    t.same((await validate(app, account)).problems, [{
      code: 'historical_reading_register_id_not_recognised',
      attr: `${METER}.reading_history.1.register_id`
    }])
  })
