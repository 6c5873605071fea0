import t from 'tap'
import {
  ELEC, GAS, elec, exampleAccount, gas, only, supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)

t.test('dates that end before they start are refused where they end',
  async t => {
    const cases: Array<[string, (a: any) => void, string]> = [
      ['a meter point\'s supply', a => {
        elec(a).supply_end_date = '2018-12-31'
      }, `${ELEC}.supply_end_date`],
      ['an agreement', a => {
        gas(a).agreements[0].effective_to = '2019-07-01'
      }, `${GAS}.agreements.0.effective_to`],
      ['a configuration period', a => {
        elec(a).configuration_periods = [
          { effective_from_date: '2019-02-01', effective_to_date: '2019-01-01' }
        ]
      }, `${ELEC}.configuration_periods.0.effective_to_date`],
      ['an annual quantity', a => {
        gas(a).aq_history[1].effective_to = '2017-06-01'
      }, `${GAS}.aq_history.1.effective_to`]
    ]
    for (const [what, change, attr] of cases) {
      const account = exampleAccount()
      change(account)
      const result = await validate(app, account)
      t.equal(result.status, 400, what)
      t.same(only(result, 'start_date_later_than_end_date'),
        [{ code: 'start_date_later_than_end_date', attr }], what)
    }
  })

t.test('a capacity value that ends before it starts is refused',
  async t => {
    const account = exampleAccount()
    elec(account).capacity_values = [{
      effective_from_date: '2020-01-01',
      effective_to_date: '2019-01-01',
      value: '10'
    }]
    t.same((await validate(app, account)).problems, [{
      code: 'start_date_later_than_end_date',
      attr: `${ELEC}.capacity_values.0.effective_to_date`
    }])
  })

t.test('capacity values with a gap between them are refused', async t => {
  const account = exampleAccount()
  elec(account).capacity_values = [
    {
      effective_from_date: '2019-01-01',
      effective_to_date: '2019-06-01',
      value: '10'
    },
    { effective_from_date: '2019-06-02', value: '12' }
  ]
  t.same((await validate(app, account)).problems, [{
    code: 'gaps_or_overlaps_in_periods',
    attr: `${ELEC}.capacity_values.1.effective_from_date`
  }])
})

t.test('a capacity value that ends the day it starts is refused',
  async t => {
    const account = exampleAccount()
    elec(account).capacity_values = [{
      effective_from_date: '2019-01-01',
      effective_to_date: '2019-01-01',
      value: '10'
    }]
    t.same((await validate(app, account)).problems, [{
      code: 'zero_length_periods',
      attr: `${ELEC}.capacity_values.0.effective_to_date`
    }])
  })

t.test('overlapping configuration periods are refused', async t => {
  const account = exampleAccount()
  elec(account).configuration_periods = [
    { effective_from_date: '2019-01-01', effective_to_date: '2019-06-01' },
    { effective_from_date: '2019-05-01' }
  ]
  t.same((await validate(app, account)).problems, [{
    code: 'gaps_or_overlaps_in_periods',
    attr: `${ELEC}.configuration_periods.1.effective_from_date`
  }])
})

t.test('a zero-length configuration period is refused', async t => {
  const account = exampleAccount()
  elec(account).configuration_periods = [
    { effective_from_date: '2019-01-01', effective_to_date: '2019-01-01' },
    { effective_from_date: '2019-01-01' }
  ]
  t.same((await validate(app, account)).problems, [{
    code: 'zero_length_periods',
    attr: `${ELEC}.configuration_periods.0.effective_to_date`
  }])
})

t.test('a configuration period starting after today is refused',
  async t => {
    const account = exampleAccount()
    elec(account).configuration_periods = [
      { effective_from_date: '2019-01-01', effective_to_date: '2099-01-01' },
      { effective_from_date: '2099-01-01' }
    ]
    t.same((await validate(app, account)).problems, [{
      code: 'configuration_period_starts_in_future',
      attr: `${ELEC}.configuration_periods.1.effective_from_date`
    }])
  })

t.test('the latest configuration period must be open-ended', async t => {
  const account = exampleAccount()
  elec(account).configuration_periods = [
    { effective_from_date: '2019-01-01', effective_to_date: '2020-01-01' }
  ]
  t.same((await validate(app, account)).problems, [{
    code: 'latest_configuration_period_not_open_ended',
    attr: `${ELEC}.configuration_periods.0.effective_to_date`
  }])
})

// Tax exemptions belong on business accounts; the example is domestic, which
// an account rule reports separately.
t.test('two open-ended tax exemptions are refused', async t => {
  const account = exampleAccount()
  gas(account).vat_exemptions = [
    { effective_from: '2019-01-01', rate: '0.05' },
    { effective_from: '2020-01-01', rate: '0.05' }
  ]
  t.same(only(await validate(app, account),
    'multiple_open_ended_tax_exemptions'), [{
    code: 'multiple_open_ended_tax_exemptions',
    attr: `${GAS}.vat_exemptions.1`
  }])
})

t.test('overlapping tax exemptions are refused', async t => {
  const account = exampleAccount()
  elec(account).ccl_exemptions = [
    { effective_from: '2019-01-01', effective_to: '2020-01-01', rate: '1' },
    { effective_from: '2019-06-01', effective_to: '2019-09-01', rate: '1' }
  ]
  t.same(only(await validate(app, account),
    'overlapping_effective_dates_for_tax_exemptions'), [{
    code: 'overlapping_effective_dates_for_tax_exemptions',
    attr: `${ELEC}.ccl_exemptions.1.effective_from`
  }])
})

t.test('two open-ended annual quantities are refused', async t => {
  const account = exampleAccount()
  delete gas(account).aq_history[1].effective_to
  t.same((await validate(app, account)).problems, [{
    code: 'multiple_open_ended_aqs_in_meterpoint_aq_history',
    attr: `${GAS}.aq_history.0`
  }])
})

t.test('annual quantities with a day missing between them are refused',
  async t => {
    const account = exampleAccount()
    gas(account).aq_history[0].effective_from = '2019-01-02'
    t.same((await validate(app, account)).problems, [{
      code: 'gaps_or_overlaps_in_aq_history',
      attr: `${GAS}.aq_history.0.effective_from`
    }])
  })
