import t from 'tap'
import {
  ELEC, GAS, elec, exampleAccount, gas, gasMeter, supplyApp, validate,
  withElecProduct
} from './helpers.js'

const app = await supplyApp(t)

t.test('agreements with a gap between them are refused', async t => {
  const account = exampleAccount()
  elec(account).agreements = [
    {
      tariff_code: 'ELEC-1234-J',
      effective_from: '2019-08-01',
      effective_to: '2020-01-01'
    },
    { tariff_code: 'ELEC-1234-J', effective_from: '2020-01-02' }
  ]
  t.same((await validate(app, account)).problems, [{
    code: 'gaps_or_overlaps_in_agreement_dates',
    attr: `${ELEC}.agreements.1.effective_from`
  }])
})

t.test('overlapping agreements are refused', async t => {
  const account = exampleAccount()
  gas(account).agreements.push({
    tariff_code: 'GAS-1234-J', effective_from: '2020-01-01'
  })
  t.same((await validate(app, account)).problems, [{
    code: 'gaps_or_overlaps_in_agreement_dates',
    attr: `${GAS}.agreements.1.effective_from`
  }])
})

t.test('consecutive agreements are accepted', async t => {
  const account = exampleAccount()
  elec(account).agreements = [
    {
      tariff_code: 'ELEC-1234-J',
      effective_from: '2019-08-01',
      effective_to: '2020-01-01'
    },
    { tariff_code: 'ELEC-1234-J', effective_from: '2020-01-01' }
  ]
  t.same((await validate(app, account)).problems, [])
})

t.test('the last billed to date must fall inside an agreement', async t => {
  const account = exampleAccount()
  elec(account).agreements[0].effective_from = '2019-08-02'
  t.same((await validate(app, account)).problems, [{
    code: 'no_agreement_covering_last_billed_to_date',
    attr: `${ELEC}.agreements`
  }])
})

t.test('a meter point on supply needs an agreement', async t => {
  const account = exampleAccount()
  delete elec(account).agreements
  t.same((await validate(app, account)).problems, [{
    code: 'meter_point_with_no_agreement', attr: `${ELEC}.agreements`
  }])
})

t.test('an agreement after supply has ended is refused', async t => {
  const account = exampleAccount()
  elec(account).supply_end_date = '2019-07-31'
  elec(account).meters[0].reading_history[0].reading_date = '2019-07-31'
  t.same((await validate(app, account)).problems, [{
    code: 'meterpoint_with_agreement_not_on_supply',
    attr: `${ELEC}.agreements.0.effective_from`
  }])
})

t.test('a credit meter on a prepay tariff is refused', async t => {
  const account = exampleAccount()
  gasMeter(account).is_prepay = false
  delete gasMeter(account).prepay_details
  t.same((await validate(app, account)).problems, [{
    code: 'tariff_type_does_not_match_meter_type',
    attr: `${GAS}.agreements.0.tariff_code`
  }])
})

t.test('a single-rate meter on a two-rate tariff is refused', async t => {
  const app = await supplyApp(t, {
    seed: withElecProduct({
      rateBands: ['CONSUMPTION_DAY', 'CONSUMPTION_NIGHT']
    })
  })
  t.same((await validate(app, exampleAccount())).problems, [{
    code: 'tariff_type_does_not_match_meter_point_type',
    attr: `${ELEC}.agreements.0.tariff_code`
  }])
})

t.test('billing a variable product before it went on sale is refused',
  async t => {
    const app = await supplyApp(t, {
      seed: withElecProduct({ availableFrom: '2019-09-01T00:00:00+01:00' })
    })
    t.same((await validate(app, exampleAccount())).problems, [{
      code: 'agreement_effective_from_before_product_available_from',
      attr: `${ELEC}.agreements.0.effective_from`
    }])
  })

t.test('an agreement naming an undeclared business contract is refused',
  async t => {
    const account = exampleAccount()
    elec(account).agreements[0].business_contract_identifier = 'BC-1'
    t.same((await validate(app, account)).problems, [{
      code: 'agreement_business_contract_identifier_not_declared',
      attr: `${ELEC}.agreements.0.business_contract_identifier`
    }])
  })
