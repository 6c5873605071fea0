import { test } from 'tap'
import { frozenApp, importAccount, post } from './imported-account.js'
import {
  payload, payment, statuses, TRANSACTIONS_INVALID as INVALID,
  TRANSACTIONS_URL as URL
} from './transaction-payloads.js'

// The query flags of V1 Create Transactions, both true unless given, and
// the dry run.

test('a transaction id already on the account is reported, not added',
  async t => {
    const app = await frozenApp(t)
    const account = await importAccount(app)
    await post(app, URL, payload([payment('1', '2019-10-01')]))
    const res = await post(app, URL,
      payload([payment('1', '2019-10-01'), payment('2', '2019-10-04')]))
    t.equal(res.statusCode, 201)
    t.same(res.json(), {
      results: [{
        status: 'TRANSACTION_ALREADY_EXISTS',
        transaction_data: { ...payment('1', '2019-10-01'), amount: '71.00' }
      }, {
        status: 'TRANSACTION_ADDED_TO_ACCOUNT',
        transaction_data: { ...payment('2', '2019-10-04'), amount: '71.00' }
      }]
    })
    t.equal(app.store.listAccountRecords(account, 'transaction').length, 2)
  })

test('check_previously_added=false adds a known transaction again',
  async t => {
    const app = await frozenApp(t)
    const account = await importAccount(app)
    await post(app, URL, payload([payment('1', '2019-10-01')]))
    const res = await post(app, `${URL}?check_previously_added=false`,
      payload([payment('1', '2019-10-01')]))
    t.same(statuses(res.json()), ['TRANSACTION_ADDED_TO_ACCOUNT'])
    t.same(app.store.listAccountRecords(account, 'transaction')
      .map(r => r.key), ['1', '1#2'])
  })

test('a transaction before the open statement moves into it by default',
  async t => {
    const app = await frozenApp(t)
    const account = await importAccount(app)
    // The staged example was last billed to 2019-08-01.
    const res = await post(app, URL, payload([payment('1', '2019-07-28')]))
    t.same(statuses(res.json()), ['TRANSACTION_ADDED_TO_ACCOUNT'])
    const [stored] = app.store.listAccountRecords(account, 'transaction')
    t.equal(JSON.parse(stored?.json ?? '{}').transaction_date, '2019-08-01')
    const notes = app.store.listAccountRecords(account, 'note')
      .map(r => JSON.parse(r.json))
    t.same(notes.map(n => [n.is_pinned, n.body]), [[true,
      'Transactions dated before the open statement were added on ' +
      '2019-08-01, when it opens: 1.']])
  })

test('without force_add_to_current_statement the import fails whole',
  async t => {
    const app = await frozenApp(t)
    const account = await importAccount(app)
    const res = await post(app, `${URL}?force_add_to_current_statement=false`,
      payload([payment('1', '2019-10-01'), payment('2', '2019-07-28')]))
    t.equal(res.statusCode, 400)
    t.same(res.json(), {
      status: 'TRANSACTION_IMPORT_ERROR',
      error_detail: 'Transaction 2 dated 2019-07-28 is not within the open ' +
        `statement of ${account}, which starts on 2019-08-01.`,
      transaction_data: { ...payment('2', '2019-07-28'), amount: '71.00' }
    })
    t.equal(app.store.listAccountRecords(account, 'transaction').length, 0)
  })

test('a dry run answers the statuses and adds nothing', async t => {
  const app = await frozenApp(t)
  const account = await importAccount(app)
  const res = await post(app, URL,
    { ...payload([payment('1', '2019-10-01')]), dry_run: true })
  t.equal(res.statusCode, 200)
  t.same(statuses(res.json()), ['TRANSACTION_ADDED_TO_ACCOUNT'])
  t.equal(app.store.listAccountRecords(account, 'transaction').length, 0)
})

test('a query flag that is not a boolean is refused', async t => {
  const app = await frozenApp(t)
  const res = await post(app, `${URL}?check_previously_added=maybe`,
    payload([]))
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    ...INVALID,
    errors: [{
      detail: 'Must be a valid boolean.',
      code: 'invalid',
      attr: 'check_previously_added'
    }]
  })
})
