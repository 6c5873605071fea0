import type { Clock } from '../clock.js'
import {
  type FieldError, krakenResponse, movedTo, validationFailed
} from '../errors.js'
import type { Seed } from '../seed/types.js'
import type { ImportProcessRecord, Store } from '../store/types.js'
import type {
  PayloadChecker, Rechecking
} from '../validation/check-payload.js'
import { createAccount } from './create-account.js'

// The v1 account journey: validate, stage, process. Pure domain: no HTTP.

export interface AccountImportDeps {
  store: Store
  clock: Clock
  seed: Seed
  payloads: PayloadChecker
}

export interface Checked<T> {
  value: T
  warnings: string[]
  // What checking it again needs (PayloadChecker.recheck).
  rechecking?: Rechecking
}

type Body = Record<string, unknown>

export const ACCOUNT_INVALID = {
  code: 'account_failed_validation',
  detail: 'Could not validate account data.'
}

export const PROCESS_INVALID = {
  code: 'import_process_failed_validation',
  detail: 'Could not process the account import.'
}

export function notOngoingError (code: string): FieldError {
  return {
    detail: `The migration for import supplier "${code}" is not ongoing.`,
    code: 'import_supplier_migration_not_ongoing',
    attr: 'non_field_errors'
  }
}

// Kraken's answer when an account for this process already exists.
export function alreadyImported (process: ImportProcessRecord): Error {
  const ext = process.externalAccountNumber
  return krakenResponse(400, {
    external_account_number: ext,
    kraken_account_number: process.krakenAccountNumber,
    non_field_errors: [
      `The import process for external account ${ext} was already ` +
      'imported.'
    ]
  })
}

export function createAccountImport (deps: AccountImportDeps) {
  const { store, clock, payloads, seed } = deps

  function checkAccount (body: unknown, component = 'EnergyAccount',
    failure = ACCOUNT_INVALID): Checked<Body> {
    const checked = payloads.check(component, body)
    if (checked.errors.length > 0) {
      throw validationFailed(failure.code, failure.detail, checked.errors)
    }
    return { value: body as Body, warnings: checked.warnings, rechecking: checked }
  }

  // Processing checks the staged payload again, as Kraken does. Field
  // validation depends on the payload and the seed alone, and the payload
  // staging stored is the one it validated (less any undocumented fields
  // it dropped, which field validation ignores), so it would pass again.
  // What can answer differently is some of the business rules: those that
  // read the clock, the store or the whole account, and, when staging
  // dropped fields, those that saw them (PayloadChecker.recheck).
  // Staging keeps, per account, the text it stored, the account as it
  // checked it and what rechecking it needs; processing uses them only
  // while the stored text is still exactly that text (a restage
  // elsewhere, a snapshot import or a v2 task may have replaced it), and
  // then needs neither to parse the text nor to validate fields again.
  // Bounded: the most recently staged accounts, oldest forgotten first;
  // an account no longer kept is checked in full.
  interface Staged { json: string, account: Body, rechecking: Rechecking }
  const recentlyStaged = new Map<string, Staged>()
  const STAGED_KEPT = 1_000
  const stagedKey = (supplier: string, ext: string): string =>
    JSON.stringify([supplier, ext])

  function rememberCheck (supplier: string, ext: string, json: string,
    checked: Checked<Body>): void {
    const key = stagedKey(supplier, ext)
    recentlyStaged.delete(key)
    const { value: account, rechecking } = checked
    if (rechecking === undefined) return
    if (recentlyStaged.size >= STAGED_KEPT) {
      const oldest = recentlyStaged.keys().next().value
      if (oldest !== undefined) recentlyStaged.delete(oldest)
    }
    recentlyStaged.set(key, { json, account, rechecking })
  }

  // Returns the staged account, parsed.
  function checkStaged (supplier: string, ext: string, json: string): Body {
    const known = recentlyStaged.get(stagedKey(supplier, ext))
    if (known === undefined || known.json !== json) {
      return checkAccount(JSON.parse(json)).value
    }
    // The same text: only some business rules can answer differently.
    const errors = payloads.recheck(known.rechecking)
    if (errors.length > 0) {
      throw validationFailed(ACCOUNT_INVALID.code, ACCOUNT_INVALID.detail,
        errors)
    }
    return known.account
  }

  function refuseIfImported (supplier: string, ext: unknown): void {
    if (typeof ext !== 'string') return
    const existing = store.findImportProcess(supplier, ext)
    if (existing?.krakenAccountNumber != null) throw alreadyImported(existing)
  }

  function refuseUnlessOngoing (supplierCode: string,
    failure = ACCOUNT_INVALID): void {
    const supplier = store.findSupplier(supplierCode)
    if (supplier !== undefined && supplier.status !== 'Ongoing') {
      throw validationFailed(failure.code, failure.detail,
        [notOngoingError(supplierCode)])
    }
  }

  function validateAccount (body: unknown): Checked<Body> {
    const checked = checkAccount(body)
    const { import_supplier: supplier, external_account_number: ext } =
      checked.value
    refuseIfImported(supplier as string, ext)
    return checked
  }

  // v2 wraps the account in `payload`; Kraken reports the account's errors
  // relative to it, and other fields by their own path.
  function validateV2Account (body: unknown): Checked<Body> {
    const { errors, warnings } = payloads.check('ValidateAccount', body)
    if (errors.length > 0) {
      throw validationFailed(ACCOUNT_INVALID.code, ACCOUNT_INVALID.detail,
        errors.map(e => movedTo(e, e.attr.replace(/^payload\./, ''))))
    }
    return {
      value: body as Body,
      warnings: warnings.map(w => w.replace(/^payload\./, ''))
    }
  }

  function stageAccount (body: unknown) {
    const checked = checkAccount(body)
    const supplier = checked.value.import_supplier as string
    const ext = checked.value.external_account_number
    if (typeof ext !== 'string' || ext === '') {
      throw validationFailed(ACCOUNT_INVALID.code, ACCOUNT_INVALID.detail, [{
        detail: 'An external account number is needed to stage an account.',
        code: 'required',
        attr: 'external_account_number'
      }])
    }
    refuseUnlessOngoing(supplier)
    refuseIfImported(supplier, ext)

    const at = clock.now().toISOString()
    const json = JSON.stringify(checked.value)
    const staged = store.stageImportProcess(supplier, ext, json, at)
    rememberCheck(supplier, ext, json, checked)
    return {
      created: staged.created,
      warnings: checked.warnings,
      body: { external_account_number: ext, import_supplier_code: supplier }
    }
  }

  function checkOperationsTeam (supplierCode: string, team: unknown):
  FieldError[] {
    const supplier = store.findSupplier(supplierCode)
    const auto = supplier?.autoAllocatedOperationsTeam ?? null
    const given = typeof team === 'string' && team !== ''
    if (auto !== null && given) {
      return [{
        detail: 'This supplier assigns an operations team automatically; ' +
          'leave operations_team_name out.',
        code: 'operations_team_provided_when_using_auto_allocation',
        attr: 'non_field_errors'
      }]
    }
    if (auto === null && !given) {
      return [{
        detail: 'Name the operations team the account should join.',
        code: 'operations_team_should_be_provided',
        attr: 'non_field_errors'
      }]
    }
    if (given && !seed.operationsTeams.some(t => t.name === team)) {
      return [{
        detail: `There is no operations team named "${String(team)}".`,
        code: 'operations_team_name_does_not_exist',
        attr: 'operations_team_name'
      }]
    }
    return []
  }

  function processAccount (body: unknown) {
    const checked = checkAccount(body, 'ProcessAccountImportProcess',
      PROCESS_INVALID)
    const supplier = checked.value.import_supplier_code as string
    const ext = checked.value.external_account_number as string
    const fail = (errors: FieldError[]): Error =>
      validationFailed(PROCESS_INVALID.code, PROCESS_INVALID.detail, errors)

    refuseUnlessOngoing(supplier, PROCESS_INVALID)
    const process = store.findImportProcess(supplier, ext)
    if (process === undefined) {
      throw fail([{
        detail: `No staged account ${ext} for import supplier ${supplier}.`,
        code: 'import_process_does_not_exist',
        attr: 'non_field_errors'
      }])
    }
    if (process.krakenAccountNumber !== null) throw alreadyImported(process)
    const teamErrors = checkOperationsTeam(supplier,
      checked.value.operations_team_name)
    if (teamErrors.length > 0) throw fail(teamErrors)

    // Kraken validates the staged data again before creating the account.
    const staged = checkStaged(supplier, ext, process.payloadJson)
    if (checked.value.dry_run === true) {
      throw krakenResponse(400, {
        detail: 'The account would import successfully; nothing was ' +
          'created because this was a dry run.',
        code: '400'
      })
    }

    const number = createAccount(store, supplier, ext, staged,
      clock.now().toISOString())
    recentlyStaged.delete(stagedKey(supplier, ext))
    return {
      warnings: checked.warnings,
      body: {
        external_account_number: ext,
        kraken_account_number: number,
        account_number: number
      }
    }
  }

  return { validateAccount, validateV2Account, stageAccount, processAccount }
}

export type AccountImport = ReturnType<typeof createAccountImport>
