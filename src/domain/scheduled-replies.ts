import { krakenResponse } from '../errors.js'
import type { ScheduledImportRecord } from '../store/types.js'
import { EVENTS, type LatestError } from './scheduled-run.js'

// The v2 import bodies whose shapes the contract gives.

// The v2 shape for an account that already exists, unlike v1's.
export function alreadyImported (ext: string, accountNumber: string): Error {
  return krakenResponse(400, {
    non_field_errors: {
      detail: `The account import process for external account ${ext} ` +
        'has already been imported.',
      code: 'account_import_process_already_imported'
    },
    account_id: accountNumber
  })
}

export function statusBody (record: ScheduledImportRecord) {
  const error: LatestError | null = record.latestErrorJson === null
    ? null
    : JSON.parse(record.latestErrorJson)
  // Only finishing adds an event, and nothing changes a task after that.
  const occurredAt = record.latestEvent === EVENTS.created
    ? record.createdAt
    : record.updatedAt
  return {
    status: record.status,
    kraken_identifier: record.krakenIdentifier,
    created_at: record.createdAt,
    modified_at: record.updatedAt,
    latest_event: {
      event: record.latestEvent,
      occurred_at: occurredAt,
      data: record.latestEvent === EVENTS.errored ? error : null
    },
    latest_error: error
  }
}

export function importNotFound (supplier: string, ext: string): Error {
  return krakenResponse(404, {
    detail: `No account import for external identifier ${ext} on ` +
      `import supplier ${supplier}.`,
    code: 'not_found'
  })
}
