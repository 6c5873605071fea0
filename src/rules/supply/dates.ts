import { DateTime } from 'luxon'
import { gb } from '../../market/gb.js'
import { parseDateTime } from '../../validation/temporal.js'
import type { RuleContext } from '../types.js'

// Dates in the payload are YYYY-MM-DD strings that field validation has
// already checked, so they compare correctly as strings.

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function asDate (value: unknown): string | undefined {
  return typeof value === 'string' && DATE.test(value) ? value : undefined
}

// Today on the mock's clock, as a GB calendar date: Kraken GB compares
// payload dates with the local date, not the UTC one.
export function today (ctx: RuleContext): string {
  return DateTime.fromMillis(ctx.clock.nowMs(), { zone: gb.timezone })
    .toISODate() ?? ''
}

export function addDays (date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

// The GB calendar date of a seeded date-time such as a product's
// availableFrom.
export function localDate (dateTime: string): string {
  return DateTime.fromISO(dateTime, { zone: gb.timezone }).toISODate() ?? ''
}

// The GB calendar date of a payload date-time, read as field validation
// reads it (a bare or naive value is local time).
export function dateOfDateTime (value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const parsed = parseDateTime(value, gb.timezone)
  if (!parsed.ok) return undefined
  return DateTime.fromJSDate(parsed.instant, { zone: gb.timezone })
    .toISODate() ?? undefined
}

// Whether a period with an exclusive end (an agreement's effective_to)
// holds the day.
export function holds (from: string | undefined, to: string | undefined,
  day: string): boolean {
  return from !== undefined && from <= day && (to === undefined || day < to)
}
