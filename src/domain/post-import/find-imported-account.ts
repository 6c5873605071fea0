import type { Clock } from '../../clock.js'
import {
  type FieldError, importedAccountNotFound, validationFailed
} from '../../errors.js'
import { markets } from '../../market/gb.js'
import type { Seed } from '../../seed/types.js'
import type {
  ImportProcessRecord, Store, SupplierRecord
} from '../../store/types.js'
import type { PayloadChecker } from '../../validation/check-payload.js'
import { notOngoingError } from '../account-import.js'

// What the post-import endpoints share: finding the account that a payload
// names, and refusing it the way Kraken does when it is missing.

export interface PostImportDeps {
  store: Store
  clock: Clock
  seed: Seed
  payloads: PayloadChecker
  config: { market: string }
}

export type Body = Record<string, unknown>

// The top-level code and detail of one endpoint's validation envelope.
export interface Family {
  code: string
  detail: string
}

export interface ImportedAccount {
  supplier: SupplierRecord
  process: ImportProcessRecord
  accountNumber: string
  // The account as it was staged: its meter points, notes, statements...
  staged: Body
}

export function timezoneOf (deps: PostImportDeps): string {
  return markets[deps.config.market]?.timezone ?? 'Europe/London'
}

export function fail (family: Family, errors: FieldError[]): Error {
  return validationFailed(family.code, family.detail, errors)
}

// Checks a body against its component; the body loses undocumented
// fields in place, and they come back as warnings.
export function checkPayload (deps: PostImportDeps, component: string,
  body: unknown): { value: Body, warnings: string[], errors: FieldError[] } {
  const { errors, warnings } = deps.payloads.check(component, body)
  const value = typeof body === 'object' && body !== null ? body : {}
  return { value: value as Body, warnings, errors }
}

export function checkBody (deps: PostImportDeps, component: string,
  family: Family, body: unknown): { value: Body, warnings: string[] } {
  const { value, warnings, errors } = checkPayload(deps, component, body)
  if (errors.length > 0) throw fail(family, errors)
  return { value, warnings }
}

// DRF runs an object's own rules only on what parsed: an item with an
// error anywhere inside it is left out of the endpoint's rules.
export function hasErrorsUnder (errors: FieldError[], attr: string): boolean {
  return errors.some(e => e.attr === attr || e.attr.startsWith(`${attr}.`))
}

// `account_number` is the deprecated name of `external_account_number`.
export function externalNumberOf (body: Body, family: Family): string {
  const ext = body.external_account_number ?? body.account_number
  if (typeof ext === 'string' && ext !== '') return ext
  throw fail(family, [{
    detail: 'Either account_number or external_account_number must be ' +
      'provided.',
    code: 'invalid',
    attr: 'non_field_errors'
  }])
}

export function refuseUnlessOngoing (store: Store, code: string,
  family: Family): void {
  const supplier = store.findSupplier(code)
  if (supplier !== undefined && supplier.status !== 'Ongoing') {
    throw fail(family, [notOngoingError(code)])
  }
}

export type Lookup =
  | { found: true, account: ImportedAccount }
  | { found: false, error: FieldError }

// An account exists only once its staged data was processed; a process
// that was merely staged is refused as account_not_found.
export function lookUpImportedAccount (store: Store, supplierCode: string,
  ext: string): Lookup {
  const supplier = store.findSupplier(supplierCode)
  const process = store.findImportProcess(supplierCode, ext)
  if (supplier === undefined || process === undefined) {
    return {
      found: false,
      error: {
        detail: `No account import process for ${ext} on import supplier ` +
          `${supplierCode}.`,
        code: 'import_process_does_not_exist',
        attr: 'non_field_errors'
      }
    }
  }
  if (process.krakenAccountNumber === null) {
    return {
      found: false,
      error: {
        detail: `The account ${ext} of import supplier ${supplierCode} was ` +
          'staged but has not been imported yet.',
        code: 'account_not_found',
        attr: 'non_field_errors'
      }
    }
  }
  return {
    found: true,
    account: {
      supplier,
      process,
      accountNumber: process.krakenAccountNumber,
      staged: JSON.parse(process.payloadJson) as Body
    }
  }
}

// The account a post-import payload is about, or the refusal. Kraken
// answers 404 where its contract documents one, 400 elsewhere.
export function findImportedAccount (deps: PostImportDeps, body: Body,
  family: Family, notFoundStatus: 404 | 400): ImportedAccount {
  const supplierCode = body.import_supplier as string
  const ext = externalNumberOf(body, family)
  refuseUnlessOngoing(deps.store, supplierCode, family)
  const lookup = lookUpImportedAccount(deps.store, supplierCode, ext)
  if (lookup.found) return lookup.account
  throw notFoundStatus === 404
    ? importedAccountNotFound(family.code, family.detail, [lookup.error])
    : fail(family, [lookup.error])
}

// Adds a finding unless the payload check already reported that code at
// that place: the shared rule set may apply the same contract rule.
export function addFinding (errors: FieldError[], finding: FieldError): void {
  if (errors.some(e => e.code === finding.code && e.attr === finding.attr)) {
    return
  }
  errors.push(finding)
}

export function listOf (value: unknown): Body[] {
  return Array.isArray(value) ? value as Body[] : []
}
