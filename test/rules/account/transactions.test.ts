import { test } from 'tap'
import { appWith, checkComponent, exampleAccount, problemsOf } from './helpers.js'

const future = '2999-01-01'

test('no kind of transaction is dated in the future', async t => {
  const app = await appWith(t)
  // One top-level transaction of 30.00, in or out, with the statement
  // balance that keeps the transfer balance of 30.00.
  const cases: Array<[object, string]> = [
    [{ type: 'PAYMENT', reason: 'ACCOUNT_CHARGE_PAYMENT' }, '0.00'],
    [{ type: 'CREDIT', reason: 'BALANCE_ADJUSTMENT' }, '0.00'],
    [{ type: 'CHARGE', reason: 'DEFAULT' }, '60.00'],
    [{ type: 'REPAYMENT', reason: 'FULL_CREDIT_REFUND' }, '60.00']
  ].map(([kind, balance]) => [{
    ...(kind as object),
    transaction_id: 'T-9',
    transaction_date: future,
    amount: '30.00'
  }, balance as string])
  for (const [transaction, balance] of cases) {
    const account = exampleAccount()
    Object.assign(account, {
      last_statement_balance: balance,
      current_statement_transactions: [transaction]
    })
    t.same(await problemsOf(app, account), [{
      code: 'transaction_in_future',
      attr: 'current_statement_transactions.0.transaction_date'
    }], JSON.stringify(transaction))
  }
})

test('transactions posted to an account have unique ids', async t => {
  const app = await appWith(t)
  const payment = {
    transaction_id: 'T-1',
    transaction_date: '2019-08-05',
    amount: '20.00',
    type: 'PAYMENT',
    reason: 'ACCOUNT_CHARGE_PAYMENT'
  }
  const body = {
    import_supplier: 'TENTACLE_ENERGY',
    external_account_number: 'EXTERNAL-1234',
    transactions: [payment, payment]
  }
  t.same(checkComponent(app, 'Transactions', body), [{
    code: 'duplicate_transaction_ids', attr: 'non_field_errors'
  }])
})

const lineItem = {
  start_date: '2019-08-01',
  end_date: '2019-08-31',
  number_of_units: '100.0',
  price_per_unit: '0.15',
  net_amount: '15.00',
  rate_band: 'CONSUMPTION_STANDARD'
}

test('a line item as the contract describes it passes', async t => {
  const app = await appWith(t)
  t.same(checkComponent(app, 'LineItem', lineItem), [])
})

test('a line item ends on or after its start', async t => {
  const app = await appWith(t)
  t.same(checkComponent(app, 'LineItem',
    { ...lineItem, end_date: '2019-07-31' }), [{
    code: 'start_date_later_than_end_date', attr: 'non_field_errors'
  }])
})

test('a line item\'s net amount is its price times its units', async t => {
  const app = await appWith(t)
  t.same(checkComponent(app, 'LineItem', { ...lineItem, net_amount: '15.01' }),
    [{ code: 'incorrect_line_item_net_amount', attr: 'non_field_errors' }])
  t.same(checkComponent(app, 'LineItem',
    { ...lineItem, net_amount: '15.004' }), [], 'within half a penny')
})

test('a line item names exactly one rate specification', async t => {
  const app = await appWith(t)
  const problem = [{
    code: 'conflicting_rate_band_specification', attr: 'non_field_errors'
  }]
  const { rate_band: _band, ...unrated } = lineItem
  t.same(checkComponent(app, 'LineItem', unrated), problem)
  t.same(checkComponent(app, 'LineItem',
    { ...lineItem, rate_specification_code: 'STANDARD' }), problem)
})

test('line item units are a pair', async t => {
  const app = await appWith(t)
  t.same(checkComponent(app, 'LineItem', { ...lineItem, units: ['1.0'] }),
    [{ code: 'line_item_units_must_be_two_values', attr: 'units' }])
})
