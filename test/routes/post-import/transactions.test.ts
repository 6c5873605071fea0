import { test } from 'tap'
import {
  ACCOUNT_NOT_FOUND, frozenApp, importAccount, NOT_AUTHENTICATED, notOngoing,
  post, problemsOf, PROCESS_NOT_FOUND, requestExample, stageAccount, SUPPLIER
} from './imported-account.js'
import {
  payload, payment, TRANSACTIONS_INVALID as INVALID, TRANSACTIONS_URL as URL
} from './transaction-payloads.js'

type Tx = Record<string, unknown>

test('the contract\'s example adds every transaction', async t => {
  const app = await frozenApp(t)
  await importAccount(app)
  const example = requestExample(URL)
  const res = await post(app, URL, example)
  t.equal(res.statusCode, 201)
  // Charges and credits have no documented reference: it is dropped.
  t.equal(res.headers['x-mock-undocumented-fields'],
    'transactions.0.reference, transactions.1.reference, ' +
    'transactions.2.reference, transactions.5.reference')
  const amounts = ['10.00', '10.00', '10.00', '10.00', '10.00', '53.24']
  t.same(res.json(), {
    results: example.transactions.map((tx: Tx, i: number) => {
      const { reference, ...rest } = tx
      const kept = ['PAYMENT', 'REPAYMENT'].includes(String(tx.type))
      return {
        status: 'TRANSACTION_ADDED_TO_ACCOUNT',
        transaction_data: {
          ...rest,
          ...(kept ? { reference } : {}),
          amount: amounts[i]
        }
      }
    })
  })
})

test('repeated ids, future dates and unknown products are refused',
  async t => {
    const app = await frozenApp(t)
    const supply = requestExample(URL).transactions[5]
    const res = await post(app, URL, payload([
      payment('1', '2019-10-01'),
      payment('1', '2025-01-16'),
      { ...supply, product_code: 'NO-SUCH-PRODUCT' },
      { ...supply, transaction_id: '7', transaction_date: '2025-01-16' }
    ]))
    t.equal(res.statusCode, 400)
    const { top, problems } = problemsOf(res)
    t.same(top, INVALID)
    t.same(problems.sort(), [
      ['duplicate_transaction_ids', 'non_field_errors'],
      ['product_code_does_not_exist', 'transactions.2.product_code'],
      ['transaction_in_future', 'transactions.1.transaction_date'],
      ['transaction_in_future', 'transactions.3.transaction_date']
    ])
  })

// The contract's BadTransactionPayload example is in DRF's nested style;
// the mock answers the documented envelope instead. The field error's
// wording belongs to the validator, so only its code and place are pinned.
test('a transaction that fails field validation is refused', async t => {
  const app = await frozenApp(t)
  const res = await post(app, URL, payload([
    { ...payment('1', '2019-10-01'), reason: 'NOT_A_REASON' }
  ]))
  t.equal(res.statusCode, 400)
  t.same(problemsOf(res), {
    top: INVALID,
    problems: [['invalid_choice', 'transactions.0.reason']]
  })
})

test('an account that was only staged is not found', async t => {
  const app = await frozenApp(t)
  const body = payload([payment('1', '2019-10-01')])
  const before = await post(app, URL, body)
  t.equal(before.statusCode, 404)
  t.same(before.json(), { ...INVALID, errors: [PROCESS_NOT_FOUND] })

  await stageAccount(app)
  const res = await post(app, URL, body)
  t.equal(res.statusCode, 404)
  t.same(res.json(), { ...INVALID, errors: [ACCOUNT_NOT_FOUND] })
})

test('a paused supplier refuses transactions', async t => {
  const app = await frozenApp(t)
  await importAccount(app)
  app.store.setSupplierStatus(SUPPLIER, 'Paused')
  const res = await post(app, URL, payload([payment('1', '2019-10-01')]))
  t.equal(res.statusCode, 400)
  t.same(res.json(), { ...INVALID, errors: [notOngoing(SUPPLIER)] })
})

test('transactions need authentication', async t => {
  const app = await frozenApp(t)
  const res = await post(app, URL, requestExample(URL), false)
  t.equal(res.statusCode, 401)
  t.same(res.json(), NOT_AUTHENTICATED)
})
