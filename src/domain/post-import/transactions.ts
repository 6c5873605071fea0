import { type FieldError, krakenResponse } from '../../errors.js'
import { addDays, localDateAt } from '../../lib/zoned-time.js'
import type { AccountRecord } from '../../store/types.js'
import {
  addFinding, type Body, checkPayload, fail, findImportedAccount,
  hasErrorsUnder, type ImportedAccount, listOf, type PostImportDeps, timezoneOf
} from './find-imported-account.js'
import { noteRecord } from './notes.js'
import { amountText, readTransactionFlags } from './transaction-flags.js'

// V1 Create Transactions: ledger transactions added after the import.

export const TRANSACTIONS_INVALID = {
  code: 'transactions_failed_validation',
  detail: 'Could not validate the transactions.'
}

interface Outcome {
  status: 'TRANSACTION_ADDED_TO_ACCOUNT' | 'TRANSACTION_ALREADY_EXISTS'
  transaction_data: Body
}

function nextDay (date: string): string {
  return addDays(date, 1)
}

export function createTransactionImport (deps: PostImportDeps) {
  const { store, clock, seed } = deps
  const zone = timezoneOf(deps)
  const productCodes = new Set(seed.products.map(p => p.code))

  function checkTransactions (transactions: Body[],
    errors: FieldError[]): void {
    const parsed = [...errors]
    const today = localDateAt(zone, clock.nowMs())
    const seen = new Set<string>()
    transactions.forEach((tx, i) => {
      if (hasErrorsUnder(parsed, `transactions.${i}`)) return
      const id = String(tx.transaction_id)
      if (seen.has(id)) {
        addFinding(errors, {
          detail: `Transaction id ${id} appears more than once.`,
          code: 'duplicate_transaction_ids',
          attr: 'non_field_errors'
        })
      }
      seen.add(id)
      if (String(tx.transaction_date) > today) {
        addFinding(errors, {
          detail: 'The transaction date is in the future.',
          code: 'transaction_in_future',
          attr: `transactions.${i}.transaction_date`
        })
      }
      if (tx.type === 'SUPPLY_CHARGE' &&
        !productCodes.has(String(tx.product_code))) {
        addFinding(errors, {
          detail: `There is no product "${String(tx.product_code)}".`,
          code: 'product_code_does_not_exist',
          attr: `transactions.${i}.product_code`
        })
      }
    })
  }

  // Kraken opens the account's first statement the day after the last
  // closed one; without that date, on the last billed-to date.
  function openStatementStart (account: ImportedAccount): string {
    const closing = account.staged.last_statement_closing_date
    if (typeof closing === 'string') return nextDay(closing)
    const billed = account.staged.last_billed_to_date
    if (typeof billed === 'string') return billed
    const importedAt = new Date(account.process.accountCreatedAt ?? 0)
    return localDateAt(zone, importedAt.getTime())
  }

  function storedIds (account: ImportedAccount): string[] {
    return store.listAccountRecords(account.accountNumber, 'transaction')
      .map(r => String((JSON.parse(r.json) as Body).transaction_id))
  }

  function knownIds (account: ImportedAccount): Set<string> {
    const staged = [
      ...listOf(account.staged.current_statement_transactions),
      ...listOf(account.staged.historical_statement_transactions)
    ].map(tx => String(tx.transaction_id))
    return new Set([...staged, ...storedIds(account)])
  }

  function movedNote (account: ImportedAccount, ids: string[],
    start: string): AccountRecord[] {
    const record = noteRecord(account.accountNumber, {
      body: 'Transactions dated before the open statement were added on ' +
        `${start}, when it opens: ${ids.join(', ')}.`,
      is_pinned: true
    }, clock.now())
    const taken = store.listAccountRecords(account.accountNumber, 'note')
      .some(r => r.key === record.key)
    return taken ? [] : [record]
  }

  function createTransactions (payload: unknown, query: unknown) {
    const { flags, errors: flagErrors } = readTransactionFlags(query)
    if (flagErrors.length > 0) throw fail(TRANSACTIONS_INVALID, flagErrors)
    const { value, warnings, errors } = checkPayload(deps, 'Transactions',
      payload)
    const transactions = listOf(value.transactions)
    checkTransactions(transactions, errors)
    if (errors.length > 0) throw fail(TRANSACTIONS_INVALID, errors)

    const account = findImportedAccount(deps, value, TRANSACTIONS_INVALID, 404)
    const start = openStatementStart(account)
    const known = knownIds(account)
    // Without the duplicate check, a transaction id may be added again;
    // each copy is kept under its own key.
    const copies = storedIds(account)
    const records: AccountRecord[] = []
    const moved: string[] = []
    const results: Outcome[] = transactions.map(tx => {
      const id = String(tx.transaction_id)
      const shown = { ...tx, amount: amountText(tx.amount) }
      if (flags.checkPreviouslyAdded && known.has(id)) {
        return { status: 'TRANSACTION_ALREADY_EXISTS', transaction_data: shown }
      }
      const saved = { ...tx }
      if (String(tx.transaction_date) < start) {
        if (!flags.forceAddToCurrentStatement) {
          throw krakenResponse(400, {
            status: 'TRANSACTION_IMPORT_ERROR',
            error_detail: `Transaction ${id} dated ` +
              `${String(tx.transaction_date)} is not within the open ` +
              `statement of ${account.accountNumber}, which starts on ` +
              `${start}.`,
            transaction_data: shown
          })
        }
        moved.push(id)
        saved.transaction_date = start
        saved.description = `Dated ${String(tx.transaction_date)} by ` +
          'the previous supplier; moved into the open statement.'
      }
      const copy = copies.filter(k => k === id).length
      copies.push(id)
      records.push(transactionRecord(account, saved, id, copy))
      return { status: 'TRANSACTION_ADDED_TO_ACCOUNT', transaction_data: shown }
    })

    const dryRun = value.dry_run === true
    if (!dryRun && records.length > 0) {
      const note = moved.length > 0 ? movedNote(account, moved, start) : []
      store.addAccountRecords([...records, ...note])
    }
    return { warnings, dryRun, body: { results } }
  }

  function transactionRecord (account: ImportedAccount, tx: Body, id: string,
    copy: number): AccountRecord {
    return {
      kind: 'transaction',
      accountNumber: account.accountNumber,
      key: copy === 0 ? id : `${id}#${copy + 1}`,
      json: JSON.stringify(tx),
      createdAt: clock.now().toISOString()
    }
  }

  return { createTransactions }
}
