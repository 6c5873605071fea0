import { EXT, SUPPLIER } from './imported-account.js'

// Transactions for the transactions suites: payments on chosen dates.

export const TRANSACTIONS_URL = '/v1/data-import/transactions/create/'

export const TRANSACTIONS_INVALID = {
  detail: 'Could not validate the transactions.',
  code: 'transactions_failed_validation'
}

export function payment (id: string, date: string) {
  return {
    transaction_id: id,
    transaction_date: date,
    amount: '71',
    type: 'PAYMENT',
    reason: 'GENERAL_CREDIT',
    reference: `reference ${id}`,
    payment_type: 'DEBIT_CARD'
  }
}

export function payload (transactions: unknown[]) {
  return {
    import_supplier: SUPPLIER,
    external_account_number: EXT,
    transactions
  }
}

export function statuses (body: { results: Array<{ status: string }> }):
string[] {
  return body.results.map(r => r.status)
}
