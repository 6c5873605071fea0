import { isCalendarDate, isDateOnCalendar } from '../lib/calendar.js'
import { instantOfWallTime, utcMillis } from '../lib/zoned-time.js'

// Dates and datetimes as DRF reads them: dates on the calendar only;
// datetimes in ISO 8601 with Z or an offset, or naive and then read in the
// market's timezone, where a time inside a clock-change gap does not exist.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME = new RegExp(
  '^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})' +
  '(?::(\\d{2})(?:[.,](\\d{1,6})\\d*)?)?' +
  '\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?$', 'i')
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?$/

// Whether text is a YYYY-MM-DD date on the calendar, from year 1 on.
// Read character by character: every date of every payload passes here,
// and a match with groups costs an array and three strings each time.
export function isDateText (value: string): boolean {
  return isDateOnCalendar(value, 1)
}

export type DateTimeResult =
  | { ok: true, instant: Date }
  | { ok: false, reason: 'invalid' | 'nonexistent' }

// An explicit offset (Z, +01, +0100, -05:30) in milliseconds; null for an
// offset of a day or more, which Python's timezone refuses.
function offsetMillis (tz: string): number | null {
  if (tz.toUpperCase() === 'Z') return 0
  const digits = tz.replace(':', '')
  const minutes = Number(digits.slice(1, 3)) * 60 +
    Number(digits.length > 3 ? digits.slice(3, 5) : '00')
  if (minutes >= 24 * 60) return null
  return (digits.startsWith('-') ? -minutes : minutes) * 60_000
}

export function parseDateTime (value: string, zone: string): DateTimeResult {
  // A bare date in a datetime field means midnight in the market's zone.
  const text = DATE.test(value) ? `${value}T00:00:00` : value
  const m = DATETIME.exec(text)
  if (m === null) return { ok: false, reason: 'invalid' }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!isCalendarDate(y, mo, d)) return { ok: false, reason: 'invalid' }
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = Number(m[6] ?? 0)
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: 'invalid' }
  }
  const fraction = (m[7] ?? '').padEnd(3, '0').slice(0, 3)
  const wall = {
    year: y,
    month: mo,
    day: d,
    hour,
    minute,
    second,
    millisecond: Number(fraction)
  }
  const tz = m[8]
  if (tz !== undefined) {
    const offset = offsetMillis(tz)
    if (offset === null) return { ok: false, reason: 'invalid' }
    return { ok: true, instant: new Date(utcMillis(wall) - offset) }
  }
  // Django's make_aware refuses a naive time inside a spring-forward gap
  // and reads one in the repeated autumn hour as its first occurrence.
  const local = instantOfWallTime(zone, wall)
  return local.ok
    ? { ok: true, instant: new Date(local.ms) }
    : { ok: false, reason: 'nonexistent' }
}

export function isValidTime (value: string): boolean {
  const m = TIME.exec(value)
  if (m === null) return false
  return Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60
}
