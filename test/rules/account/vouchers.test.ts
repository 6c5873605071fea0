import { test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

// The contract's rules name vouchers and historical billing documents but
// its schema does not, so these payloads carry fields the mock reports as
// undocumented; the voucher rules read them all the same.

const documents = [{
  transactions: [
    { transaction_id: 'V-CHARGE', type: 'CHARGE', amount: '10.00' },
    { transaction_id: 'V-CREDIT-1', type: 'CREDIT', amount: '6.00' },
    { transaction_id: 'V-CREDIT-2', type: 'CREDIT', amount: '4.00' }
  ]
}]

const voucher = {
  value: '10.00',
  charge_transaction_id: 'V-CHARGE',
  voucher_redemptions: [
    { credit_transaction_id: 'V-CREDIT-1' },
    { credit_transaction_id: 'V-CREDIT-2' }
  ]
}

async function voucherProblems (t: Parameters<typeof appWith>[0],
  change: object) {
  const app = await appWith(t)
  const account = {
    ...exampleAccount(),
    historical_billing_documents: documents,
    vouchers: [{ ...voucher, ...change }]
  }
  return await problemsOf(app, account)
}

const atRoot = (code: string) => [{ code, attr: 'non_field_errors' }]

test('a voucher matching its transactions passes', async t => {
  t.same(await voucherProblems(t, {}), [])
})

test('a voucher is charged by a CHARGE transaction', async t => {
  t.same(await voucherProblems(t, { charge_transaction_id: 'V-CREDIT-1' }),
    atRoot('voucher_charge_transaction_id_not_found'))
})

test('a voucher is redeemed by CREDIT transactions', async t => {
  t.same(await voucherProblems(t, {
    voucher_redemptions: [{ credit_transaction_id: 'V-NOWHERE' }]
  }), atRoot('voucher_redemption_credit_transaction_id_not_found'))
})

test('a voucher is not redeemed for more than it is worth', async t => {
  t.same(await voucherProblems(t, { value: '9.99' }),
    atRoot('voucher_transactions_sum_greater_than_voucher_value'))
})
