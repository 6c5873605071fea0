import t from 'tap'
import {
  ELEC, GAS, elec, elecMeter, exampleAccount, gas, supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)

t.test('an MPAN whose check digit does not match is refused', async t => {
  const account = exampleAccount()
  elec(account).identifier = '1200060176721'
  t.same((await validate(app, account)).problems, [{
    code: 'invalid_supply_point_identifier', attr: `${ELEC}.identifier`
  }])
})

t.test('an MPAN that is not 13 digits is refused', async t => {
  const account = exampleAccount()
  elec(account).identifier = '120006017672'
  t.same((await validate(app, account)).problems, [{
    code: 'invalid_supply_point_identifier', attr: `${ELEC}.identifier`
  }])
})

t.test('an MPRN whose check digits do not match is refused', async t => {
  const account = exampleAccount()
  gas(account).identifier = '9353824108'
  t.same((await validate(app, account)).problems, [{
    code: 'invalid_supply_point_identifier', attr: `${GAS}.identifier`
  }])
})

t.test('an MPRN with letters is refused', async t => {
  const account = exampleAccount()
  gas(account).identifier = '93538A'
  t.same((await validate(app, account)).problems, [{
    code: 'invalid_supply_point_identifier', attr: `${GAS}.identifier`
  }])
})

t.test('a short legacy MPRN of six digits is accepted', async t => {
  const account = exampleAccount()
  gas(account).identifier = '123456'
  t.same((await validate(app, account)).problems, [])
})

const participants: Array<[string, (a: any) => void, string]> = [
  ['the supplier of an electricity point', a => { elec(a).mpid = 'NOPE' },
    `${ELEC}.mpid`],
  ['a gas supplier that is only known for electricity',
    a => { gas(a).mpid = 'TENT' }, `${GAS}.mpid`],
  ['the gas shipper', a => { gas(a).shipper_mpid = 'XXX' },
    `${GAS}.shipper_mpid`],
  ['the data collector to appoint', a => { elec(a).dc_to_appoint = 'ABCD' },
    `${ELEC}.dc_to_appoint`],
  ['the meter operator to appoint',
    a => { elec(a).mop_to_appoint = 'ABCD' }, `${ELEC}.mop_to_appoint`],
  ['the meter asset manager to appoint',
    a => { gas(a).mam_to_appoint = 'ABC' }, `${GAS}.mam_to_appoint`],
  ['an agent contract\'s agent',
    a => { elec(a).agents = { dc_contract: { agent_mpid: 'ABCD' } } },
    `${ELEC}.agents.dc_contract.agent_mpid`]
]

for (const [what, change, attr] of participants) {
  t.test(`an unknown market participant as ${what} is refused`, async t => {
    const account = exampleAccount()
    change(account)
    t.same((await validate(app, account)).problems, [{
      code: 'market_participant_not_found', attr
    }])
  })
}

t.test('a register TPR missing from Market Domain Data is refused',
  async t => {
    const account = exampleAccount()
    elecMeter(account).registers[1].tpr = '99999'
    t.same((await validate(app, account)).problems, [{
      code: 'tpr_not_found', attr: `${ELEC}.meters.0.registers.1.tpr`
    }])
  })
