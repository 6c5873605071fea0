import { test } from 'tap'
import { accountWith, appWith, exampleAccount, problemsOf } from './helpers.js'

const SCHEDULES = 'payment_schedules.non_field_errors'
const atRoot = (code: string) => [{ code, attr: 'non_field_errors' }]

const regular = {
  amount: '60.00', day_of_month: 2, frequency: 'MONTHLY', means: 'DD'
}

const instruction = {
  reference: 'MANDATE-1', type: 'DIRECT_DEBIT', vendor: 'STRIPE'
}

const plan = {
  accepted_at: '2019-05-01T00:00:00Z',
  schedule_means: 'DD',
  strategy_name: 'equal_instalments',
  payments: [{
    payment_date: '2019-06-01',
    total_amount: 100,
    amount_components: [{ amount: 100, component_type: 'ENERGY' }]
  }]
}

// Consistent in every sum the rules check.
const adequacy = {
  created_at: '2019-05-01T00:00:00Z',
  applied_at: '2019-05-02T00:00:00Z',
  average_monthly_charge: 100,
  average_monthly_elec_charge: 60,
  average_monthly_gas_charge: 40,
  balance_adjustment: 10,
  current_balance: 0,
  target_balance: 120,
  existing_direct_debit_payment: 90,
  new_direct_debit: 105
}

test('schedules give a ledger code on all or none', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.payment_schedules[1].ledger_code = 'MAIN'
  t.same(await problemsOf(app, account), [{
    code: 'payment_schedules_ledger_code_uniformity_failed', attr: SCHEDULES
  }])
})

test('instructions give a ledger code on all or none, and a known one',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.payment_instructions = [
      { ...instruction, ledger_code: 'MAIN' },
      { ...instruction, reference: 'MANDATE-2' }
    ]
    t.same(await problemsOf(app, account), [{
      code: 'payment_instructions_ledger_code_uniformity_failed',
      attr: 'payment_instructions.non_field_errors'
    }])
    account.payment_instructions = [{ ...instruction, ledger_code: 'NOPE' }]
    t.same(await problemsOf(app, account), [{
      code: 'ledger_code_does_not_exist',
      attr: 'payment_instructions.0.ledger_code'
    }])
  })

test('one open-ended schedule per ledger, which then overlaps another',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.payment_schedules.push({ ...regular, start_date: '2019-01-01' })
    // Two open-ended schedules always overlap as well.
    t.same(await problemsOf(app, account), [
      { code: 'multiple_open_ended_payment_schedules', attr: SCHEDULES },
      { code: 'payment_schedule_date_overlaps', attr: SCHEDULES }
    ])
  })

test('schedules of a ledger do not overlap', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.payment_schedules.push(
    { ...regular, start_date: '2019-01-01', end_date: '2019-06-30' })
  t.same(await problemsOf(app, account),
    [{ code: 'payment_schedule_date_overlaps', attr: SCHEDULES }])
})

test('future schedules follow on without a gap', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.payment_schedules[1].end_date = '2998-12-31'
  account.payment_schedules.push({ ...regular, start_date: '2999-02-01' })
  t.same(await problemsOf(app, account),
    [{ code: 'payment_schedule_date_gaps', attr: SCHEDULES }])
  account.payment_schedules[2].start_date = '2999-01-01'
  t.same(await problemsOf(app, account), [])
})

test('a payment plan and a schedule do not share a ledger', async t => {
  const app = await appWith(t)
  const account = accountWith({ payment_plans: [plan] })
  t.same(await problemsOf(app, account),
    atRoot('payment_plan_and_payment_schedule_not_allowed_on_same_ledger'))
})

test('payment plans use a known strategy and consistent payments',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    delete account.payment_schedules
    account.payment_plans = [{ ...plan, strategy_name: 'lottery' }]
    t.same(await problemsOf(app, account), [{
      code: 'payment_plan_strategy_does_not_exist',
      attr: 'payment_plans.0.strategy_name'
    }])
    const [payment] = plan.payments
    account.payment_plans = [{ ...plan, payments: [payment, payment] }]
    t.same(await problemsOf(app, account), [{
      code: 'duplicate_payment_component_combinations',
      attr: 'payment_plans.0.payments.non_field_errors'
    }])
    account.payment_plans = [{
      ...plan, payments: [{ ...payment, total_amount: 99 }]
    }]
    t.same(await problemsOf(app, account), [{
      code: 'payment_plan_payment_components_do_not_sum_to_total',
      attr: 'payment_plans.0.payments.0.non_field_errors'
    }])
  })

test('payment preferences name the account\'s ledgers and instructions',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    const passive = { type: 'PASSIVE', ledger_identifier: '1200060176720' }
    account.payment_preferences = [passive]
    t.same(await problemsOf(app, account),
      atRoot('invalid_payment_preference_ledger_identifier'))
    account.ledgers[0].ledger_identifier = '1200060176720'
    t.same(await problemsOf(app, account), [])
    account.payment_preferences = [passive, passive]
    t.same(await problemsOf(app, account),
      atRoot('duplicate_ledger_in_payment_preferences'))
    account.payment_preferences = [{
      ...passive,
      type: 'ACTIVE_NEW',
      instruction_reference_params: { instruction_identifier: 'I-9' }
    }]
    t.same(await problemsOf(app, account),
      atRoot('active_new_payment_preference_invalid_instruction_identifier'))
  })

test('payment adequacy changes replace the last payment review date',
  async t => {
    const app = await appWith(t)
    const account = accountWith({ payment_adequacy_changes: [adequacy] })
    t.same(await problemsOf(app, account), atRoot(
      'payment_adequacy_changes_and_last_payment_review_date_provided'))
    delete account.last_payment_review_date
    t.same(await problemsOf(app, account), [])
  })

test('a payment adequacy change is consistent in itself', async t => {
  const app = await appWith(t)
  const cases: Array<[object, string, string?]> = [
    [{
      created_at: '2999-01-01T00:00:00Z',
      applied_at: null,
      should_not_be_applied_reason: 'Customer declined'
    },
    'payment_adequacy_invalid_dates', 'created_at'],
    [{ applied_at: '2999-01-01T00:00:00Z' },
      'payment_adequacy_invalid_dates', 'applied_at'],
    [{ applied_at: '2019-04-30T00:00:00Z' }, 'payment_adequacy_invalid_dates'],
    [{ applied_at: null }, 'payment_adequacy_missing_reason'],
    [{ should_not_be_applied_reason: 'Customer declined' },
      'payment_adequacy_should_not_have_been_applied'],
    [{ average_monthly_gas_charge: 41 },
      'payment_adequacy_monthly_charges_unequal'],
    [{ balance_adjustment: 20, new_direct_debit: 110 },
      'payment_adequacy_balance_adjustment_mismatch'],
    [{ new_direct_debit: 111 },
      'payment_adequacy_new_direct_debit_amount_mismatch'],
    [{ ledger: { ledger_code: 'NOPE' } }, 'ledger_code_does_not_exist',
      'ledger.ledger_code']
  ]
  for (const [change, code, field] of cases) {
    const account = exampleAccount()
    delete account.last_payment_review_date
    account.payment_adequacy_changes = [{ ...adequacy, ...change }]
    t.same(await problemsOf(app, account), [{
      code, attr: `payment_adequacy_changes.0.${field ?? 'non_field_errors'}`
    }], `${code} ${JSON.stringify(change)}`)
  }
})
