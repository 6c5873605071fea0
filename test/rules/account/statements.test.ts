import { test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

// The contract's example keeps its statement history in `ledgers` (which
// its schema does not document): one ledger whose last statement closed
// on 2019-07-31, with the account billed to 2019-08-01.

const atRoot = (code: string) => [{ code, attr: 'non_field_errors' }]

test('the last statement cannot end in the future', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  // A statement closing in 2999 has no current transactions yet, so the
  // balances move to the last statement's.
  Object.assign(account.ledgers[0], {
    last_statement_closing_date: '2999-01-01',
    last_statement_issue_date: '2999-01-02',
    current_statement_transactions: [],
    ledger_balance: '20.00'
  })
  account.transfer_balance = '20.00'
  t.same(await problemsOf(app, account),
    atRoot('historical_statement_period_end_in_future'))
})

test('historical transactions need a closing or billed-to date',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    delete account.ledgers[0].last_statement_closing_date
    delete account.last_billed_to_date
    // Without any billed-to date every meter would lack one too; a
    // half-hourly supply point alone is billed from its own data.
    const [electricity] = account.supply_addresses[0].meter_points
    account.supply_addresses[0].meter_points =
      [{ ...electricity, measurement_class: 'C' }]
    t.same(await problemsOf(app, account), atRoot(
      'historical_statement_transactions_without_last_statement_closing_date_or_last_billed_to_date'))
  })

test('historical transactions are not after current ones', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  // A prepay vend is outside the statement periods but still current.
  account.ledgers[0].current_statement_transactions.push({
    transaction_id: '5',
    transaction_date: '2018-06-01',
    amount: '5.00',
    type: 'PAYMENT',
    reason: 'PREPAY_RECORD',
    to_prepay_meter_serial_number: '54BV'
  })
  t.same(await problemsOf(app, account), atRoot(
    'historical_statement_transaction_after_current_statement_transaction'))
})

test('historical transactions are not after the last statement closed',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.ledgers[0].historical_statement_transactions[0]
      .transaction_date = '2019-08-02'
    t.same(await problemsOf(app, account), atRoot(
      'historical_statement_transaction_after_last_statement_closing_date'))
  })

test('the last statement is not issued before it closed', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.ledgers[0].last_statement_issue_date = '2019-07-30'
  t.same(await problemsOf(app, account),
    atRoot('last_statement_issued_before_closing_date'))
})

test('current transactions are not before the current statement opened',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    Object.assign(account.ledgers[0], {
      last_statement_closing_date: '2019-08-02',
      last_statement_issue_date: '2019-08-03'
    })
    account.ledgers[0].current_statement_transactions[0]
      .transaction_date = '2019-08-02'
    t.same(await problemsOf(app, account), atRoot(
      'current_statement_transaction_before_current_statement_opening_date'))
  })

test('current transactions are not before the billed-to date', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.ledgers[0].last_statement_closing_date = '2019-07-20'
  account.ledgers[0].current_statement_transactions[0]
    .transaction_date = '2019-07-25'
  t.same(await problemsOf(app, account),
    atRoot('current_statement_transaction_before_last_billed_to_date'))
})

test('Kraken must be able to tell when billing starts', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  delete account.last_billed_to_date
  delete account.ledgers[0].last_statement_closing_date
  delete account.ledgers[0].historical_statement_transactions
  // Without supply addresses there are no agreements to start from either.
  account.supply_addresses = []
  t.same(await problemsOf(app, account),
    atRoot('cannot_determine_responsible_for_billing_from_date'))
})

test('a billed account says where each meter was billed to', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  delete account.last_billed_to_date
  t.same(await problemsOf(app, account),
    atRoot('last_billed_to_date_not_found'))
  const [electricity, gas] = account.supply_addresses[0].meter_points
  electricity.last_billed_to_date = '2019-08-01'
  gas.meters[0].last_billed_to_date = '2019-08-01'
  t.same(await problemsOf(app, account), [])
})
