import { test } from 'tap'
import {
  addDays, dayReader, instantOfWallTime, localDateAt, offsetAt
} from '../../src/lib/zoned-time.js'

const HOUR = 3_600_000
const at = (iso: string): number => Date.parse(iso)
const wall = (year: number, month: number, day: number, hour: number,
  minute = 0) => ({ year, month, day, hour, minute, second: 0, millisecond: 0 })

test('reads the offset on either side of a clock change, to the minute', t => {
  // London went from GMT to BST at 01:00 UTC on 2024-03-31.
  t.equal(offsetAt('Europe/London', at('2024-03-31T00:59:59Z')), 0)
  t.equal(offsetAt('Europe/London', at('2024-03-31T01:00:00Z')), HOUR)
  // Asked again, from the kept hours, the answers hold.
  t.equal(offsetAt('Europe/London', at('2024-03-31T00:30:00Z')), 0)
  t.equal(offsetAt('Europe/London', at('2024-03-31T01:30:00Z')), HOUR)
  // Adelaide is half an hour off the hour: +10:30 in summer, +09:30 after
  // 2024-04-07 03:00 local (16:30 UTC the day before).
  t.equal(offsetAt('Australia/Adelaide', at('2024-04-06T16:29:00Z')), 10.5 * HOUR)
  t.equal(offsetAt('Australia/Adelaide', at('2024-04-06T16:30:00Z')), 9.5 * HOUR)
  t.end()
})

test('finds the local date, which is not the UTC one near midnight', t => {
  t.equal(localDateAt('Europe/London', at('2024-07-01T23:30:00Z')), '2024-07-02')
  t.equal(localDateAt('Europe/London', at('2024-01-01T23:30:00Z')), '2024-01-01')
  t.equal(localDateAt('Australia/Sydney', at('2024-01-15T13:00:00Z')), '2024-01-16')
  t.equal(localDateAt('Europe/London', Number.NaN), '')
  t.end()
})

test('a day reader changes day at local midnight, not in between', t => {
  const day = dayReader('Australia/Adelaide')
  // Adelaide midnight on 2024-07-02 is 14:30 UTC on 2024-07-01 (+09:30).
  t.equal(day(at('2024-07-01T14:29:59Z')), '2024-07-01')
  t.equal(day(at('2024-07-01T14:30:00Z')), '2024-07-02')
  t.equal(day(at('2024-07-01T14:20:00Z')), '2024-07-01')
  t.end()
})

test('a wall time in the gap does not exist; one in the repeated hour is its first', t => {
  // Sydney skipped 02:00-03:00 on 2024-10-06 and repeated 02:00-03:00 on
  // 2024-04-07 (first at +11:00, then at +10:00).
  t.same(instantOfWallTime('Australia/Sydney', wall(2024, 10, 6, 2, 30)),
    { ok: false, reason: 'nonexistent' })
  t.same(instantOfWallTime('Australia/Sydney', wall(2024, 4, 7, 2, 30)),
    { ok: true, ms: at('2024-04-06T15:30:00Z') })
  t.same(instantOfWallTime('Australia/Sydney', wall(2024, 4, 7, 3, 0)),
    { ok: true, ms: at('2024-04-06T17:00:00Z') })
  t.end()
})

test('moves calendar dates by days, and leaves anything else as it was', t => {
  t.equal(addDays('2024-02-28', 1), '2024-02-29')
  t.equal(addDays('2023-12-31', 1), '2024-01-01')
  t.equal(addDays('2024-03-01', -1), '2024-02-29')
  t.equal(addDays('0099-12-31', 1), '0100-01-01')
  for (const text of ['garbage', '2019-07-31T00:00:00', '20190731',
    '2019-02-30', '', '2019-02-29', '1900-02-29', '2019-13-01',
    '2019-00-10', '2019-01-00', '2019-04-31', '2019-1-01', '+019-01-01',
    '2019-01-0a', '２０１９-01-01', '2019/01/01']) {
    t.equal(addDays(text, 1), text, JSON.stringify(text))
  }
  t.equal(addDays('2000-02-28', 1), '2000-02-29')
  t.equal(addDays('2024-01-31', 400), '2025-03-06')
  t.equal(addDays('0000-12-31', 1), '0001-01-01')
  // Past 9999 the year takes a fifth digit: the day after 9999-12-31 must
  // not read as the same day (an open-ended period there overlaps).
  t.equal(addDays('9999-12-31', 1), '10000-01-01')
  // Only whole days move a date.
  t.equal(addDays('2024-01-01', 0.5), '2024-01-01')
  t.end()
})

// The same move made with Date, as the independent answer: the date must
// read back as written, then moves by setUTCDate.
function addDaysWithDate (text: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match === null) return text
  const at = new Date(0)
  at.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  if (at.toISOString().slice(0, 10) !== text) return text
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

test('moving dates by days agrees with Date on every day of 1600-2400',
  t => {
    const DAY = 86_400_000
    const first = Date.UTC(1600, 0, 1)
    const last = Date.UTC(2400, 11, 31)
    let differences = 0
    let compared = 0
    // Deterministic spread of longer moves: a small linear congruence.
    let seed = 7
    for (let ms = first; ms <= last; ms += DAY) {
      const text = new Date(ms).toISOString().slice(0, 10)
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      const far = (seed % 200_001) - 100_000
      for (const days of [1, -1, far]) {
        compared++
        if (addDays(text, days) !== addDaysWithDate(text, days)) differences++
      }
    }
    // The loop went through every day (801 years, 195 of them leap).
    t.equal(compared, 3 * 292_560)
    t.equal(differences, 0)
    t.end()
  })
