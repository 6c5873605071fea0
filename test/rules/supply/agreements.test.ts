import t from 'tap'
import {
  ELEC, GAS, elec, exampleAccount, gas, only, supplyApp, validate,
  withElecProduct
} from './helpers.js'

const app = await supplyApp(t)

t.test('a tariff code no product holds is refused', async t => {
  const account = exampleAccount()
  elec(account).agreements[0].tariff_code = 'NOPE-1234-J'
  t.same((await validate(app, account)).problems, [{
    code: 'tariff_code_not_found', attr: `${ELEC}.agreements.0.tariff_code`
  }])
})

t.test('a gas tariff on an electricity agreement is not found',
  async t => {
    const account = exampleAccount()
    elec(account).agreements[0].tariff_code = 'GAS-1234-J'
    t.same((await validate(app, account)).problems, [{
      code: 'tariff_code_not_found', attr: `${ELEC}.agreements.0.tariff_code`
    }])
  })

t.test('an open-ended agreement on a withdrawn product is refused',
  async t => {
    const app = await supplyApp(t, {
      seed: withElecProduct({ availableTo: '2030-01-01T00:00:00Z' })
    })
    t.same((await validate(app, exampleAccount())).problems, [{
      code: 'open_ended_agreement_for_end_dated_product',
      attr: `${ELEC}.agreements.0.effective_to`
    }])
  })

t.test('a rate override for a band the product lacks is refused',
  async t => {
    const account = exampleAccount()
    elec(account).agreements[0].rate_overrides = [
      { rate_band: 'CONSUMPTION_NIGHT', unit_price: '10.5' }
    ]
    t.same((await validate(app, account)).problems, [{
      code: 'rate_band_does_not_exist',
      attr: `${ELEC}.agreements.0.rate_overrides.0.rate_band`
    }])
  })

// An agreement that ends the day it starts covers no day at all, so the
// last billed to date is left uncovered as well.
t.test('rate overrides on an agreement of no length are refused',
  async t => {
    const account = exampleAccount()
    Object.assign(gas(account).agreements[0], {
      effective_to: '2019-08-01',
      rate_overrides: [{ rate_band: 'CONSUMPTION_STANDARD', unit_price: '3' }]
    })
    t.same(only(await validate(app, account), 'invalid_period'), [{
      code: 'invalid_period', attr: `${GAS}.agreements.0.effective_to`
    }])
  })

// Bespoke rates are for business accounts; the example is domestic, which
// an account rule reports separately.
t.test('a bespoke register rate needs a register id or rate type',
  async t => {
    const account = exampleAccount()
    elec(account).agreements[0].bespoke_tariff_rates = [{
      standing_charge: '20', registers: [{ unit_rate: '15' }]
    }]
    const code = 'no_register_id_or_rate_type_provided_for_bespoke_elec_rate'
    t.same(only(await validate(app, account), code), [{
      code,
      attr: `${ELEC}.agreements.0.bespoke_tariff_rates.0.registers.0`
    }])
  })

t.test('two bespoke rates for the same meter are refused', async t => {
  const account = exampleAccount()
  const rate = {
    meter_serial_number: '54BV',
    standing_charge: '20',
    unit_rate: '3'
  }
  gas(account).agreements[0].bespoke_tariff_rates = [rate, { ...rate }]
  t.same(only(await validate(app, account), 'duplicate_bespoke_rates'), [{
    code: 'duplicate_bespoke_rates',
    attr: `${GAS}.agreements.0.bespoke_tariff_rates.1`
  }])
})

t.test('a characteristic given twice is refused', async t => {
  const account = exampleAccount()
  gas(account).agreements[0].characteristics = [
    { code: 'gbr-gas.payment-method', value: 'PREPAYMENT' },
    { code: 'gbr-gas.payment-method', value: 'DIRECT_DEBIT' }
  ]
  t.same((await validate(app, account)).problems, [{
    code: 'children_with_duplicate_values',
    attr: `${GAS}.agreements.0.characteristics.1.code`
  }])
})

t.test('a portfolio number must be P- and eight characters', async t => {
  const account = exampleAccount()
  elec(account).agreements[0].intermediary = { portfolio_number: 'P-123' }
  t.same((await validate(app, account)).problems, [{
    code: 'invalid_portfolio_number',
    attr: `${ELEC}.agreements.0.intermediary.portfolio_number`
  }])
})
