import type { FieldError } from '../../errors.js'
import type { AccountRecord } from '../../store/types.js'
import { resolveDocumentPath } from './document-paths.js'
import {
  addFinding, type Body, checkPayload, fail, findImportedAccount,
  hasErrorsUnder, type ImportedAccount, listOf, type PostImportDeps
} from './find-imported-account.js'

// V1 Create Historical Statements: PDF statements of the previous
// supplier, attached to an imported account.

export const STATEMENTS_INVALID = {
  code: 'historical_statements_failed_validation',
  detail: 'Could not validate the historical statements.'
}

export function createStatementImport (deps: PostImportDeps) {
  const { store, clock } = deps

  // The statements the account was staged with count as well.
  function knownIds (account: ImportedAccount): Set<string> {
    const staged = listOf(account.staged.statements)
      .map(s => String(s.statement_id))
    const added = store.listAccountRecords(account.accountNumber, 'statement')
      .map(r => r.key)
    return new Set([...staged, ...added])
  }

  function checkPaths (statements: Body[], supplierCode: string,
    errors: FieldError[]): Array<string | null> {
    const supplier = store.findSupplier(supplierCode)
    const parsed = [...errors]
    return statements.map((statement, i) => {
      const at = `statements.${i}`
      if (hasErrorsUnder(parsed, at)) return null
      if (typeof statement.statement_path !== 'string') {
        // The contract's alternative, a PDF context, is not in the GB
        // schema, so a statement needs its path.
        addFinding(errors, {
          detail: 'A statement needs a statement_path.',
          code: 'missing_statement_path_or_pdf_context',
          attr: `${at}.non_field_errors`
        })
        return null
      }
      if (supplier === undefined) return null
      const resolved = resolveDocumentPath(supplier, statement.statement_path,
        `${at}.statement_path`)
      if (resolved.ok) return resolved.location
      addFinding(errors, resolved.error)
      return null
    })
  }

  function createStatements (payload: unknown) {
    const { value, warnings, errors } = checkPayload(deps,
      'HistoricalStatements', payload)
    const statements = listOf(value.statements)
    const locations = checkPaths(statements, String(value.import_supplier),
      errors)
    if (errors.length > 0) throw fail(STATEMENTS_INVALID, errors)

    const account = findImportedAccount(deps, value, STATEMENTS_INVALID, 404)
    const known = knownIds(account)
    const duplicates: FieldError[] = []
    const records: AccountRecord[] = statements.map((statement, i) => {
      const id = String(statement.statement_id)
      if (known.has(id)) {
        duplicates.push({
          detail: `The account already has a statement with id ${id}.`,
          code: 'historical_statement_already_exists',
          attr: 'non_field_errors'
        })
      }
      known.add(id)
      return {
        kind: 'statement',
        accountNumber: account.accountNumber,
        key: id,
        json: JSON.stringify({ ...statement, location: locations[i] }),
        createdAt: clock.now().toISOString()
      }
    })
    if (duplicates.length > 0) throw fail(STATEMENTS_INVALID, duplicates)

    store.addAccountRecords(records)
    return {
      warnings,
      body: value,
      pathsUnchecked: account.supplier.checkDocumentPathsExist
    }
  }

  return { createStatements }
}
