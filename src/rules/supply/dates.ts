import { dayReader, localDateAt } from '../../lib/zoned-time.js'
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
const marketDay = dayReader(gb.timezone)
export function today (ctx: RuleContext): string {
  return marketDay(ctx.clock.nowMs())
}

export { addDays } from '../../lib/zoned-time.js'

// The GB calendar date of a seeded date-time such as a product's
// availableFrom.
// Only for seeded values: the seed is fixed while the mock runs, so each
// answer is kept, and the map holds at most one entry per seeded date.
const seededDays = new Map<string, string>()
export function localDate (dateTime: string): string {
  let day = seededDays.get(dateTime)
  if (day === undefined) {
    day = dateOfDateTime(dateTime) ?? ''
    seededDays.set(dateTime, day)
  }
  return day
}

// The GB calendar date of a payload date-time, read as field validation
// reads it (a bare or naive value is local time).
export function dateOfDateTime (value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const parsed = parseDateTime(value, gb.timezone)
  if (!parsed.ok) return undefined
  return localDateAt(gb.timezone, parsed.instant.getTime())
}

// Whether a period with an exclusive end (an agreement's effective_to)
// holds the day.
export function holds (from: string | undefined, to: string | undefined,
  day: string): boolean {
  return from !== undefined && from <= day && (to === undefined || day < to)
}
