import t from 'tap'
import {
  ELEC, GAS, elec, elecMeter, exampleAccount, gas, gasMeter, supplyApp,
  validate
} from './helpers.js'

const app = await supplyApp(t)

t.test('an agreement starting before supply starts is refused', async t => {
  const account = exampleAccount()
  elec(account).supply_start_date = '2019-09-01'
  t.same((await validate(app, account)).problems, [{
    code: 'agreement_start_date_before_supply_start_date',
    attr: `${ELEC}.agreements.0.effective_from`
  }])
})

t.test('two meters may share a serial only as a dummy exchange',
  async t => {
    const account = exampleAccount()
    gas(account).meters.push({
      meter_serial_number: '54BV',
      gas_number_of_digits: 5,
      installed_on: '2019-09-01',
      is_prepay: true
    })
    t.same((await validate(app, account)).problems, [{
      code: 'multiple_non_dmex_meters_with_serial_number',
      attr: `${GAS}.meters.1.meter_serial_number`
    }])
  })

t.test('a dummy exchange the day after removal is accepted', async t => {
  const account = exampleAccount()
  gasMeter(account).removed_on = '2019-08-31'
  gas(account).meters.push({
    meter_serial_number: '54BV',
    gas_number_of_digits: 5,
    installed_on: '2019-09-01',
    is_prepay: true
  })
  const problems = (await validate(app, account)).problems
  t.notOk(problems.some(p =>
    p.code === 'multiple_non_dmex_meters_with_serial_number'))
})

t.test('a meter on the wall without registers is refused', async t => {
  const account = exampleAccount()
  elec(account).meters.push({
    meter_serial_number: 'Z16N389557', installed_on: '2019-09-01'
  })
  t.same((await validate(app, account)).problems, [{
    code: 'registers_missing_for_active_electricity_meter',
    attr: `${ELEC}.meters.1.registers`
  }])
})

t.test('a register of a non half-hourly point needs a TPR', async t => {
  const account = exampleAccount()
  delete elecMeter(account).registers[1].tpr
  t.same((await validate(app, account)).problems, [{
    code: 'registers_missing_for_active_electricity_meter',
    attr: `${ELEC}.meters.0.registers.1.tpr`
  }])
})

t.test('agents and agents to appoint together are refused', async t => {
  const account = exampleAccount()
  elec(account).agents = { dc_contract: { agent_mpid: 'TENT' } }
  elec(account).dc_to_appoint = 'TENT'
  t.same((await validate(app, account)).problems, [{
    code: 'agents_and_mpids_to_appoint_provided', attr: `${ELEC}.agents`
  }])
})

t.test('a disputed read in progress stops the import', async t => {
  const account = exampleAccount()
  elec(account).dr_in_progress = true
  t.same((await validate(app, account)).problems, [{
    code: 'disputed_read_in_progress', attr: `${ELEC}.dr_in_progress`
  }])
})

t.test('an erroneous transfer in progress stops the import', async t => {
  const account = exampleAccount()
  gas(account).et_in_progress = true
  t.same((await validate(app, account)).problems, [{
    code: 'erroneous_transfer_not_in_progress',
    attr: `${GAS}.et_in_progress`
  }])
})

t.test('two EACs for one TPR from the same day are refused', async t => {
  const account = exampleAccount()
  elec(account).eac_history[1].effective_from = '2019-10-01'
  t.same((await validate(app, account)).problems, [{
    code: 'repeated_eac_for_tpr',
    attr: `${ELEC}.eac_history.1.effective_from`
  }])
})

t.test('two registers of a meter with one id are refused', async t => {
  const account = exampleAccount()
  elecMeter(account).registers[1].register_id = '1'
  t.same((await validate(app, account)).problems, [{
    code: 'meter_with_duplicate_register_ids',
    attr: `${ELEC}.meters.0.registers.1.register_id`
  }])
})

t.test('one MPRN twice at an address is refused', async t => {
  const account = exampleAccount()
  const points = account.supply_addresses[0].meter_points
  points.push(structuredClone(points[1]))
  t.same((await validate(app, account)).problems, [{
    code: 'duplicate_meter_points_provided',
    attr: 'supply_addresses.0.meter_points.2.identifier'
  }])
})
