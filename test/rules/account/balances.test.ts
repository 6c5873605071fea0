import { test } from 'tap'
import { accountWith, appWith, exampleAccount, problemsOf } from './helpers.js'

// The example's one ledger: a last statement balance of 20.00, current
// transactions of -10.00 and +20.00, so a ledger balance and transfer
// balance of 30.00; its historical transactions come to 20.00.

const atRoot = (code: string) => [{ code, attr: 'non_field_errors' }]

test('current transactions bring the statement balance to the balance',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.ledgers[0].ledger_balance = '31.00'
    account.transfer_balance = '31.00'
    t.same(await problemsOf(app, account),
      atRoot('balance_mismatch_on_transfer_balance'))
  })

test('the deprecated top-level fields add up to the transfer balance',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    delete account.ledgers
    Object.assign(account, {
      last_statement_balance: '20.00',
      current_statement_transactions: [{
        transaction_id: '1',
        transaction_date: '2019-08-05',
        amount: '20.00',
        type: 'PAYMENT',
        reason: 'ACCOUNT_CHARGE_PAYMENT'
      }]
    })
    t.same(await problemsOf(app, account),
      atRoot('balance_mismatch_on_transfer_balance'))
    account.transfer_balance = '40.00'
    t.same(await problemsOf(app, account), [])
  })

test('historical transactions add up to the last statement balance',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.ledgers[0].historical_statement_transactions[0].amount = '11.00'
    t.same(await problemsOf(app, account),
      atRoot('historical_statement_transactions_balance_mismatch'))
  })

test('ledger balances add up to the transfer balance', async t => {
  const app = await appWith(t)
  const account = accountWith({ transfer_balance: '31.00' })
  t.same(await problemsOf(app, account),
    atRoot('ledger_balances_not_equal_to_transfer_balance'))
})

test('ledgers have distinct codes and identifiers of the account',
  async t => {
    const app = await appWith(t)
    const cases: Array<[object, object, string]> = [
      [{ ledger_code: 'MAIN' }, { ledger_code: 'MAIN' },
        'duplicate_ledger_entries_found'],
      [{ ledger_identifier: '1200060176720' },
        { ledger_identifier: '1200060176720' },
        'duplicate_identifiers_entries_found'],
      [{ ledger_identifier: '1200023305967' }, {},
        'unknown_ledger_identifiers']
    ]
    for (const [first, second, code] of cases) {
      const account = exampleAccount()
      Object.assign(account.ledgers[0], first)
      account.ledgers.push({ ...second, ledger_balance: '0.00' })
      t.same(await problemsOf(app, account), atRoot(code), code)
    }
  })

test('transaction ids are present and unique across the account',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    const historical = account.ledgers[0].historical_statement_transactions
    historical[1].transaction_id = '3'
    t.same(await problemsOf(app, account), atRoot('duplicate_transaction_ids'))
    delete historical[1].transaction_id
    t.same(await problemsOf(app, account), atRoot('missing_transaction_id'))
  })

test('billing document identifiers follow the instance setting',
  async t => {
    const off = await appWith(t)
    const account = exampleAccount()
    const [first, second] = account.ledgers[0].historical_statement_transactions
    first.billing_document_identifier = 'BILL-1'
    t.same(await problemsOf(off, account), atRoot(
      'historical_statement_billing_document_identifier_not_allowed_when_feature_flag_disabled'))

    const on = await appWith(t, seed => {
      seed.settings.billingDocumentIdentifiersEnabled = true
    })
    t.same(await problemsOf(on, account), atRoot(
      'historical_statement_billing_document_identifier_missing'))
    second.billing_document_identifier = 'BILL-2'
    t.same(await problemsOf(on, account), atRoot(
      'historical_statement_billing_document_identifier_mismatch'))
    second.billing_document_identifier = 'BILL-1'
    t.same(await problemsOf(on, account), [])
  })

test('current transactions carry no billing document identifier',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.ledgers[0].current_statement_transactions[0]
      .billing_document_identifier = 'BILL-9'
    t.same(await problemsOf(app, account), atRoot(
      'billing_document_identifier_not_allowed_for_current_statement_transactions'))
  })
