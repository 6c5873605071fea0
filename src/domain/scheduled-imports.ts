import type { Clock } from '../clock.js'
import { type FieldError, movedTo, validationFailed } from '../errors.js'
import type { ScheduledImportRecord, Store } from '../store/types.js'
import type { PayloadChecker } from '../validation/check-payload.js'
import { notOngoingError } from './account-import.js'
import { resolveWindow, type TaskParams } from './schedule-window.js'
import {
  alreadyImported, importNotFound, statusBody
} from './scheduled-replies.js'
import { EVENTS, finishImport } from './scheduled-run.js'

// v2 account imports: scheduled in a window, run later on the mock's clock.
// Pure domain: no HTTP, no timers of its own beyond startTicking.

// How long a task stays IN_PROGRESS on the mock's clock, so a client
// polling the status can see that state at all.
export const PROCESSING_MS = 2000

// The code Kraken's contract gives for this endpoint's validation failure.
export const SCHEDULE_INVALID = {
  code: 'import_process_failed_validation',
  detail: 'Could not schedule the account import.'
}

export interface ScheduledImportsDeps {
  store: Store
  clock: Clock
  payloads: PayloadChecker
  timezone: string
}

type Body = Record<string, unknown>

function isObject (value: unknown): value is Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

// As on v2 validate, account errors are relative to `payload`.
function relativeToPayload (attr: string): string {
  return attr.replace(/^payload\./, '')
}

function hasErrorUnder (errors: FieldError[], attr: string): boolean {
  return errors.some(e => e.attr === attr || e.attr.startsWith(attr + '.'))
}

export function createScheduledImports (deps: ScheduledImportsDeps) {
  const { store, clock, payloads, timezone } = deps

  function checkRequest (body: unknown) {
    const checked = payloads.check('ScheduleAccountCreation', body)
    const errors = checked.errors.map(e =>
      movedTo(e, relativeToPayload(e.attr)))
    const request = (isObject(body) ? body : {}) as {
      payload?: Body, task_params?: TaskParams
    }
    const account = isObject(request.payload) ? request.payload : {}
    const ext = account.external_account_number
    if (isObject(request.payload) && (typeof ext !== 'string' || ext === '') &&
      !hasErrorUnder(errors, 'external_account_number')) {
      errors.push({
        detail: 'An external account number is needed to schedule an import.',
        code: 'required',
        attr: 'external_account_number'
      })
    }

    const params = request.task_params
    const failed = new Set(Object.keys(isObject(params) ? params : {})
      .filter(field => hasErrorUnder(errors, `task_params.${field}`)))
    const paramsParsed = isObject(params) &&
      !errors.some(e => e.attr === 'task_params')
    const outcome = paramsParsed
      ? resolveWindow(params, clock.now(), timezone, failed)
      : null
    if (outcome?.ok === false) errors.push(...outcome.errors)
    if (errors.length > 0 || outcome === null || !outcome.ok) {
      throw validationFailed(SCHEDULE_INVALID.code, SCHEDULE_INVALID.detail,
        errors)
    }
    return {
      account,
      supplier: account.import_supplier as string,
      ext: ext as string,
      window: outcome.window,
      warnings: checked.warnings.map(relativeToPayload)
    }
  }

  // Moves every task whose time has come. A task starts when its window
  // opens and finishes PROCESSING_MS later, at those instants whenever the
  // tick runs, so the outcome depends on the clock and not on timers.
  function tick (): void {
    const now = clock.nowMs()
    for (const record of store.listScheduledImports(['PENDING',
      'IN_PROGRESS'])) {
      const startMs = Date.parse(record.windowStart)
      if (now < startMs) continue
      let next: ScheduledImportRecord = record.status === 'PENDING'
        ? { ...record, status: 'IN_PROGRESS', updatedAt: record.windowStart }
        : record
      const doneMs = startMs + PROCESSING_MS
      if (now >= doneMs) {
        next = finishImport(next, new Date(doneMs).toISOString(),
          { store, payloads })
      }
      store.saveScheduledImport(next)
    }
  }

  // Scheduling again replaces a task that has not created an account: a
  // pipeline retries after an error or a dry run with the same identifier.
  function schedule (body: unknown) {
    tick()
    const { account, supplier, ext, window, warnings } = checkRequest(body)
    if (store.findSupplier(supplier)?.status !== 'Ongoing') {
      throw validationFailed(SCHEDULE_INVALID.code, SCHEDULE_INVALID.detail,
        [notOngoingError(supplier)])
    }
    const imported = store.findImportProcess(supplier, ext)
    if (imported?.krakenAccountNumber != null) {
      throw alreadyImported(ext, imported.krakenAccountNumber)
    }

    const at = clock.now().toISOString()
    const payloadJson = JSON.stringify(account)
    store.stageImportProcess(supplier, ext, payloadJson, at)
    store.saveScheduledImport({
      supplierCode: supplier,
      externalIdentifier: ext,
      status: 'PENDING',
      isDryRun: window.isDryRun,
      windowStart: window.start.toISOString(),
      windowEnd: window.end.toISOString(),
      payloadJson,
      latestEvent: EVENTS.created,
      krakenIdentifier: null,
      latestErrorJson: null,
      createdAt: at,
      updatedAt: at
    })
    tick()
    const task = {
      supplier, ext, runsAt: window.start.toISOString(), dryRun: window.isDryRun
    }
    return { warnings, task }
  }

  function describeImport (supplier: string, ext: string) {
    tick()
    const record = store.findScheduledImport(supplier, ext)
    if (record === undefined) throw importNotFound(supplier, ext)
    return statusBody(record)
  }

  return { schedule, describeImport, tick }
}

export type ScheduledImports = ReturnType<typeof createScheduledImports>

// Runs tick on a timer so tasks move even when nobody asks; unref'd, so
// the timer alone never keeps the process alive. Returns the stop.
export function startTicking (imports: ScheduledImports, intervalMs: number,
  onError: (err: unknown) => void): () => void {
  const timer = setInterval(() => {
    try {
      imports.tick()
    } catch (err) {
      onError(err)
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
