// Wall-clock time in a named timezone (Europe/London, Australia/Sydney),
// read from the platform's time zone data through Intl.
//
// Asking Intl for a zone's offset is slow (tens of microseconds), and the
// business rules ask for "today" and for the local date of datetimes many
// times per payload. Offsets only change at a zone's transitions, which are
// never less than an hour apart, so each zone keeps the offset at the start
// of every hour it has been asked about: when the hours on either side of
// an instant agree, no transition lies between them and the answer is that
// offset; otherwise the instant is looked up itself.

import { civilOfDays, daysOfCivil, readDate } from './calendar.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
// The cache starts over when it holds this many hours (about 1.1 years of
// distinct hours per zone).
const HOURS_KEPT = 10_000

export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

// Epoch milliseconds of a wall time read as UTC. Date.UTC reads the years
// 0-99 as 1900-1999; setUTCFullYear does not.
export function utcMillis (t: WallTime): number {
  const at = new Date(0)
  at.setUTCFullYear(t.year, t.month - 1, t.day)
  at.setUTCHours(t.hour, t.minute, t.second, t.millisecond)
  return at.getTime()
}

interface ZoneClock {
  format: Intl.DateTimeFormat
  hours: Map<number, number>
}

const zones = new Map<string, ZoneClock>()

function zoneClock (zone: string): ZoneClock {
  let known = zones.get(zone)
  if (known === undefined) {
    known = {
      // Throws a RangeError for a zone the platform does not know.
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
      }),
      hours: new Map()
    }
    zones.set(zone, known)
  }
  return known
}

// Asks Intl for the offset at one instant, to the second.
function lookUpOffset (clock: ZoneClock, ms: number): number {
  const wall: WallTime = {
    year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0
  }
  let beforeChrist = false
  for (const part of clock.format.formatToParts(ms)) {
    switch (part.type) {
      case 'year': wall.year = Number(part.value); break
      case 'month': wall.month = Number(part.value); break
      case 'day': wall.day = Number(part.value); break
      case 'hour': wall.hour = Number(part.value); break
      case 'minute': wall.minute = Number(part.value); break
      case 'second': wall.second = Number(part.value); break
      case 'era': beforeChrist = part.value.startsWith('B'); break
    }
  }
  if (beforeChrist) wall.year = 1 - wall.year
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000)
  return utcMillis(wall) - wholeSeconds
}

function offsetAtHour (clock: ZoneClock, hour: number): number {
  let offset = clock.hours.get(hour)
  if (offset === undefined) {
    offset = lookUpOffset(clock, hour * HOUR_MS)
    if (clock.hours.size >= HOURS_KEPT) clock.hours.clear()
    clock.hours.set(hour, offset)
  }
  return offset
}

// The zone's offset from UTC at an instant, in milliseconds (positive east
// of Greenwich).
export function offsetAt (zone: string, ms: number): number {
  const clock = zoneClock(zone)
  const hour = Math.floor(ms / HOUR_MS)
  const offset = offsetAtHour(clock, hour)
  return offset === offsetAtHour(clock, hour + 1)
    ? offset
    : lookUpOffset(clock, ms)
}

// The wall time in the zone at an instant.
export function wallTimeAt (zone: string, ms: number): WallTime {
  return wallTimeAtUtc(new Date(ms + offsetAt(zone, ms)))
}

export function pad (n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export function formatDate (t: WallTime): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`
}

// The calendar date (YYYY-MM-DD) in the zone at an instant; empty for an
// invalid instant (NaN).
export function localDateAt (zone: string, ms: number): string {
  return Number.isFinite(ms) ? formatDate(wallTimeAt(zone, ms)) : ''
}

export type ZonedResult =
  | { ok: true, ms: number }
  | { ok: false, reason: 'nonexistent' }

// The instant a wall time stands for in the zone. A time the clocks skip
// (spring forward) does not exist; a time they repeat (autumn) is read as
// its first occurrence, as Python's zoneinfo does with fold=0.
export function instantOfWallTime (zone: string, t: WallTime): ZonedResult {
  const asUtc = utcMillis(t)
  // Whatever offset applies to this wall time is in force within a day of
  // it, and transitions are further apart than that.
  const candidates = new Set([
    offsetAt(zone, asUtc - DAY_MS),
    offsetAt(zone, asUtc + DAY_MS)
  ])
  let first: number | undefined
  for (const offset of candidates) {
    const ms = asUtc - offset
    if (offsetAt(zone, ms) !== offset) continue
    if (first === undefined || ms < first) first = ms
  }
  return first === undefined
    ? { ok: false, reason: 'nonexistent' }
    : { ok: true, ms: first }
}

// A calendar date (YYYY-MM-DD) moved by whole days. Anything else, from
// an unchecked field, comes back unchanged rather than as a wrong date.
// Past 9999 the year takes a fifth digit, so 9999-12-31 and the day after
// never compare as the same day.
export function addDays (date: string, days: number): string {
  const ymd = readDate(date)
  if (ymd === undefined || !Number.isSafeInteger(days)) return date
  const [year, month, day] = civilOfDays(daysOfCivil(...ymd) + days)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

function wallTimeAtUtc (at: Date): WallTime {
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    millisecond: at.getUTCMilliseconds()
  }
}

const QUARTER_HOUR_MS = 15 * 60_000

// The calendar date in the zone, for callers that ask about "now" over and
// over. Since 1970 the offsets of the markets' zones, and so their local
// midnights and clock changes, fall on quarter hours of UTC: the date is
// the same throughout a quarter hour and is worked out once per quarter.
export function dayReader (zone: string): (ms: number) => string {
  let quarter = NaN
  let day = ''
  return (ms) => {
    const at = Math.floor(ms / QUARTER_HOUR_MS)
    if (at !== quarter) {
      day = localDateAt(zone, ms)
      quarter = at
    }
    return day
  }
}
