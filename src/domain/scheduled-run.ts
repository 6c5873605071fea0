import type { FieldError } from '../errors.js'
import type { ScheduledImportRecord, Store } from '../store/types.js'
import type { PayloadChecker } from '../validation/check-payload.js'
import { notOngoingError } from './account-import.js'
import { createAccount } from './create-account.js'

// What happens when a scheduled v2 import runs: Kraken checks everything
// again (the supplier may have been paused, the account imported by other
// means, a date-based rule may now fail) and then creates the account.

export const EVENTS = {
  created: 'EVENT_ACCOUNT_IMPORT_PROCESS_CREATED',
  processed: 'EVENT_ACCOUNT_IMPORT_PROCESS_PROCESSED',
  errored: 'EVENT_ACCOUNT_IMPORT_PROCESS_ERRORED'
} as const

// The contract's LatestError; every example of it names this domain.
export interface LatestError {
  code: string
  detail: string
  domain: 'import_process'
}

export interface RunDeps {
  store: Store
  payloads: PayloadChecker
}

function latestError (error: Pick<FieldError, 'code' | 'detail'>):
LatestError {
  return { code: error.code, detail: error.detail, domain: 'import_process' }
}

function runTimeError (record: ScheduledImportRecord, deps: RunDeps):
LatestError | null {
  const { store, payloads } = deps
  const code = record.supplierCode
  const ext = record.externalIdentifier
  if (store.findSupplier(code)?.status !== 'Ongoing') {
    return latestError(notOngoingError(code))
  }
  if (store.findImportProcess(code, ext)?.krakenAccountNumber != null) {
    return latestError({
      code: 'account_import_process_already_imported',
      detail: `External account ${ext} was imported before this task ran.`
    })
  }
  const { errors } = payloads.check('EnergyAccount',
    JSON.parse(record.payloadJson))
  if (errors.length > 0) {
    // LatestError has no room for field errors; Kraken's own example sends
    // the caller back to the validate endpoint for them.
    return latestError({
      code: 'import_process_failed_validation',
      detail: `The account data failed ${errors.length} validation ` +
        'check(s) when the import ran; validate it again to see them.'
    })
  }
  return null
}

// Finishes a task at `at`: an error, a dry run's verdict, or an account.
export function finishImport (record: ScheduledImportRecord, at: string,
  deps: RunDeps): ScheduledImportRecord {
  const error = runTimeError(record, deps)
  if (error !== null) {
    return {
      ...record,
      status: record.isDryRun ? 'DRY_RUN_ERRORED' : 'ERRORED',
      latestEvent: EVENTS.errored,
      latestErrorJson: JSON.stringify(error),
      updatedAt: at
    }
  }
  // A dry run creates nothing, so no event beyond the creation one.
  if (record.isDryRun) {
    return { ...record, status: 'DRY_RUN_SUCCEEDED', updatedAt: at }
  }

  const { store } = deps
  // The account is made from the scheduled payload, even if v1 staging
  // replaced the process's data in the meantime.
  store.stageImportProcess(record.supplierCode, record.externalIdentifier,
    record.payloadJson, at)
  const number = createAccount(store, record.supplierCode,
    record.externalIdentifier, JSON.parse(record.payloadJson), at)
  return {
    ...record,
    status: 'PROCESSED',
    latestEvent: EVENTS.processed,
    krakenIdentifier: number,
    updatedAt: at
  }
}
