import type { FieldError } from '../errors.js'
import { parseDateTime } from '../validation/temporal.js'

// The contract's TaskParameters rules: when a v2 import may run. Its
// x-validators name the codes; the limits below are the contract's words.

export const MAX_WINDOW_AHEAD_MS = 4 * 24 * 60 * 60 * 1000

export interface TaskParams {
  is_dry_run?: boolean
  schedule_window_start?: string | null
  schedule_window_end?: string | null
}

export interface ScheduleWindow {
  start: Date
  end: Date
  isDryRun: boolean
}

export type WindowOutcome =
  | { ok: true, window: ScheduleWindow }
  | { ok: false, errors: FieldError[] }

// Values reach here after schema validation, so they parse; a null means
// absent, as the contract marks both fields nullable.
function instantOf (value: string | null | undefined, zone: string):
Date | null {
  if (value === null || value === undefined) return null
  const parsed = parseDateTime(value, zone)
  return parsed.ok ? parsed.instant : null
}

// Fields of task_params that already failed schema validation.
export type FailedFields = ReadonlySet<string>

// Kraken fills in a missing start with now and a missing end with the
// furthest end it allows, then checks the start comes first. As in DRF, a
// field's rule runs only when the field parsed, and the object's rule only
// when every field did.
export function resolveWindow (params: TaskParams, now: Date,
  zone: string, failed: FailedFields = new Set()): WindowOutcome {
  const start = failed.has('schedule_window_start')
    ? null
    : instantOf(params.schedule_window_start, zone)
  const end = failed.has('schedule_window_end')
    ? null
    : instantOf(params.schedule_window_end, zone)
  const latest = now.getTime() + MAX_WINDOW_AHEAD_MS
  const errors: FieldError[] = []

  if (start !== null && start.getTime() < now.getTime()) {
    errors.push({
      detail: 'The schedule window cannot start in the past.',
      code: 'schedule_window_start_in_past',
      attr: 'task_params.schedule_window_start'
    })
  }
  if (end !== null && end.getTime() > latest) {
    errors.push({
      detail: 'The schedule window cannot end more than 4 days from now.',
      code: 'schedule_window_end_too_far_in_future',
      attr: 'task_params.schedule_window_end'
    })
  }
  if (errors.length > 0 || failed.size > 0) return { ok: false, errors }

  const window = {
    start: start ?? now,
    end: end ?? new Date(latest),
    isDryRun: params.is_dry_run === true
  }
  if (window.start.getTime() >= window.end.getTime()) {
    return {
      ok: false,
      errors: [{
        detail: 'The schedule window must start before it ends.',
        code: 'schedule_window_start__after_end',
        attr: 'task_params.non_field_errors'
      }]
    }
  }
  return { ok: true, window }
}
