import { test } from 'tap'
import {
  isDateText, isValidTime, parseDateTime
} from '../../src/validation/temporal.js'

const LONDON = 'Europe/London'

// The instant a datetime string stands for, or the reason it was refused.
function read (value: string, zone = LONDON): string {
  const result = parseDateTime(value, zone)
  return result.ok ? result.instant.toISOString() : result.reason
}

test('accepts calendar dates from year 1 on, leap days of leap years included', t => {
  for (const value of ['2024-02-29', '2000-02-29', '0001-01-01', '0096-02-29',
    '9999-12-31', '2023-12-31']) {
    t.equal(isDateText(value), true, value)
  }
  t.end()
})

test('refuses dates that are not on the calendar', t => {
  for (const value of ['2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01',
    '2024-00-10', '2024-01-00', '0000-01-01', '1900-02-29', '2100-02-29']) {
    t.equal(isDateText(value), false, value)
  }
  t.end()
})

test('refuses a datetime, or anything else that is not a date, in a date field', t => {
  for (const value of ['2024-02-29T00:00:00', '2024-02-29T00:00:00Z',
    '2024-02-29 00:00', '29/02/2024', '2024/02/29', 'today', '']) {
    t.equal(isDateText(value), false, value)
  }
  t.end()
})

test('reads datetimes with Z or an offset, with or without a colon', t => {
  t.equal(read('2024-01-15T10:00:00Z'), '2024-01-15T10:00:00.000Z')
  t.equal(read('2024-01-15T10:00:00+01:00'), '2024-01-15T09:00:00.000Z')
  t.equal(read('2024-01-15T10:00:00+0100'), '2024-01-15T09:00:00.000Z')
  t.equal(read('2024-01-15T10:00:00+01'), '2024-01-15T09:00:00.000Z')
  t.equal(read('2024-01-15T10:00:00-05:30'), '2024-01-15T15:30:00.000Z')
  t.equal(read('2024-01-15 10:00:00Z'), '2024-01-15T10:00:00.000Z')
  t.equal(read('2024-01-15T10:00:00 Z'), '2024-01-15T10:00:00.000Z')
  t.end()
})

test('an explicit offset wins over the market\'s timezone', t => {
  t.equal(read('2024-07-15T10:00:00Z'), '2024-07-15T10:00:00.000Z')
  t.equal(read('2024-07-15T10:00:00+00:00'), '2024-07-15T10:00:00.000Z')
  t.end()
})

test('reads a fraction of a second, to the millisecond', t => {
  t.equal(read('2024-01-15T10:00:00.5Z'), '2024-01-15T10:00:00.500Z')
  t.equal(read('2024-01-15T10:00:00,25Z'), '2024-01-15T10:00:00.250Z')
  t.equal(read('2024-01-15T10:00:00.123456Z'), '2024-01-15T10:00:00.123Z')
  t.equal(read('2024-01-15T10:00:00.123456789+01:00'),
    '2024-01-15T09:00:00.123Z')
  t.end()
})

test('reads a naive datetime in Europe/London: UTC in winter, an hour ahead of UTC in summer', t => {
  t.equal(read('2024-01-15T10:00:00'), '2024-01-15T10:00:00.000Z')
  t.equal(read('2024-07-15T10:00:00'), '2024-07-15T09:00:00.000Z')
  t.equal(read('2024-07-15T10:00'), '2024-07-15T09:00:00.000Z')
  t.end()
})

test('reads a naive datetime in whichever timezone it is given', t => {
  // Sydney is on daylight saving time (UTC+11) in January.
  t.equal(read('2024-01-15T10:00:00', 'Australia/Sydney'),
    '2024-01-14T23:00:00.000Z')
  t.end()
})

test('refuses a naive time inside the spring-forward gap as nonexistent', t => {
  // On 2024-03-31 London's clocks went from 01:00 GMT straight to 02:00 BST.
  t.equal(read('2024-03-31T01:00:00'), 'nonexistent')
  t.equal(read('2024-03-31T01:30:00'), 'nonexistent')
  t.equal(read('2024-03-31T01:59:59'), 'nonexistent')
  t.equal(read('2024-03-31T00:59:59'), '2024-03-31T00:59:59.000Z')
  t.equal(read('2024-03-31T02:00:00'), '2024-03-31T01:00:00.000Z')
  t.end()
})

test('accepts a time inside the gap when it carries its own offset', t => {
  t.equal(read('2024-03-31T01:30:00+00:00'), '2024-03-31T01:30:00.000Z')
  t.equal(read('2024-03-31T01:30:00Z'), '2024-03-31T01:30:00.000Z')
  t.end()
})

test('reads the repeated autumn hour as its first occurrence, in summer time', t => {
  // On 2024-10-27 London's clocks went from 02:00 BST back to 01:00 GMT,
  // so 01:00 to 01:59 happened twice; the first time was still BST.
  t.equal(read('2024-10-27T01:30:00'), '2024-10-27T00:30:00.000Z')
  t.equal(read('2024-10-27T01:00:00'), '2024-10-27T00:00:00.000Z')
  t.equal(read('2024-10-27T01:59:59'), '2024-10-27T00:59:59.000Z')
  t.equal(read('2024-10-27T00:59:59'), '2024-10-26T23:59:59.000Z')
  t.equal(read('2024-10-27T02:00:00'), '2024-10-27T02:00:00.000Z')
  // An explicit offset picks the second occurrence.
  t.equal(read('2024-10-27T01:30:00+00:00'), '2024-10-27T01:30:00.000Z')
  t.end()
})

test('reads a date alone in a datetime field as midnight in the market\'s timezone', t => {
  t.equal(read('2012-01-01'), '2012-01-01T00:00:00.000Z')
  t.equal(read('2024-07-01'), '2024-06-30T23:00:00.000Z')
  t.equal(read('2023-02-29'), 'invalid')
  t.end()
})

test('refuses datetimes that are malformed or not on the calendar or the clock', t => {
  for (const value of ['', 'yesterday', '2024-01-15T', '15/01/2024 10:00',
    '2024-02-30T10:00:00Z', '2024-01-15T24:00:00Z', '2024-01-15T10:60:00Z',
    '2024-01-15T10:00:60Z', '2024-01-15T10:00:00ZZ', '2024-01-15T10:00:00+1']) {
    t.equal(read(value), 'invalid', value)
  }
  t.end()
})

test('refuses an offset of a day or more, as Python\'s timezone does', t => {
  t.equal(read('2024-01-15T10:00:00+24:00'), 'invalid')
  t.equal(read('2024-01-15T10:00:00-2500'), 'invalid')
  t.equal(read('2024-01-15T10:00:00+23:59'), '2024-01-14T10:01:00.000Z')
  t.end()
})

test('accepts times of day on the clock and refuses others', t => {
  for (const value of ['00:00', '23:59', '23:59:59', '12:30:15.123456',
    '12:30:15.1']) {
    t.equal(isValidTime(value), true, value)
  }
  for (const value of ['24:00', '12:60', '12:30:60', 'noon', '']) {
    t.equal(isValidTime(value), false, value)
  }
  t.end()
})
