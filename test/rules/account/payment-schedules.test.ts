import { type Test, test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

// The example's schedules: 0 is a debt repayment plan, 1 the regular
// monthly direct debit of 60.00, both from 2018-01-01.

const at = (index: number, attr = 'non_field_errors') =>
  `payment_schedules.${index}.${attr}`

type Schedule = Record<string, unknown>
type Change = (regular: Schedule, debt: Schedule) => void

async function scheduleProblems (t: Test, change: Change,
  seedChange?: Parameters<typeof appWith>[1]) {
  const app = await appWith(t, seedChange)
  const account = exampleAccount()
  const [debt, regular] = account.payment_schedules
  change(regular, debt)
  return await problemsOf(app, account)
}

type Case = [string, Change, string?]

const CASES: Case[] = [
  ['start_date_later_than_end_date', s => { s.end_date = '2017-12-31' }],
  ['zero_payment_schedule_amount', s => { s.amount = '0.00' }],
  ['fixed_payment_schedule_amount_out_of_range',
    s => { s.amount = '0.50' }],
  ['fixed_payment_schedule_missing_frequency', s => { delete s.frequency }],
  ['fixed_payment_schedule_missing_day_of_month',
    s => { delete s.day_of_month }],
  ['balance_triggered_schedule_missing_threshold',
    s => { s.trigger = 'BALANCE' }],
  ['debt_repayment_missing_end_date',
    (_s, d) => { delete d.debt_repayment_end_date }, at(0)],
  ['debt_repayment_end_date_after_schedule_end_date',
    (_s, d) => { d.end_date = '2019-12-31' }, at(0)],
  ['invalid_payment_schedule_to_exempt_from_payment_adequacy', s => {
    Object.assign(s, {
      trigger: 'BALANCE',
      balance_threshold: '10.00',
      exempt_from_payment_adequacy: true
    })
  }],
  ['payment_instalments_not_provided', s => { s.trigger = 'PLAN' }],
  ['payment_instalments_do_not_sum_to_total', s => {
    Object.assign(s, {
      trigger: 'PLAN',
      instalments: [{ amount: '30.00', payment_date: '2018-02-01' }]
    })
  }],
  ['payment_instalments_date_outside_of_payment_schedule_active_period',
    s => {
      Object.assign(s, {
        trigger: 'PLAN',
        end_date: '2018-12-31',
        instalments: [
          { amount: '30.00', payment_date: '2018-02-01' },
          { amount: '30.00', payment_date: '2019-02-01' }
        ]
      })
    }],
  ['payment_schedule_delay_must_have_bill_trigger', s => {
    Object.assign(s, { delay_strategy: 'FIXED', delay_days: 3 })
  }],
  ['payment_schedule_delay_strategy_missing_delay_days', s => {
    Object.assign(s, { trigger: 'BILL', delay_strategy: 'FIXED' })
  }],
  ['standalone_payment_request_method_code_unexpected', s => {
    s.standalone_payment_request_method_code = 'EMAIL_LINK'
  }],
  ['standalone_payment_request_method_code_invalid', s => {
    Object.assign(s, {
      means: 'MANUAL', standalone_payment_request_method_code: 'PIGEON'
    })
  }],
  ['invalid_payment_day_for_payment_schedule',
    s => { s.day_of_month = 29 }, at(1, 'day_of_month')],
  ['children_with_duplicate_values', s => {
    const instalment = { amount: '30.00', payment_date: '2018-02-01' }
    Object.assign(s, { trigger: 'PLAN', instalments: [instalment, instalment] })
  }, at(1, 'instalments.non_field_errors')],
  ['ledger_code_does_not_exist', (s, d) => {
    d.ledger_code = 'MAIN'
    s.ledger_code = 'NOPE'
  }, at(1, 'ledger_code')]
]

for (const [code, change, attr] of CASES) {
  test(`a schedule breaking one rule is refused with ${code}`, async t => {
    t.same(await scheduleProblems(t, change), [{ code, attr: attr ?? at(1) }])
  })
}

test('payment days follow the instance\'s limits', async t => {
  const problems = await scheduleProblems(t, () => {}, seed => {
    seed.settings.paymentDayMax = 5
  })
  t.same(problems, [{
    code: 'invalid_payment_day_for_payment_schedule',
    attr: at(0, 'day_of_month')
  }])
})
