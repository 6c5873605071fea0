// Calendar arithmetic on plain numbers, in the proleptic Gregorian
// calendar (as Date counts). Dates are read and moved here for every
// payload, so nothing builds a Date or matches a regex.

function isLeapYear (y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

// Whether year y (from `firstYear` on), month m and day d name a real day;
// a part that failed to read (-1) names none.
export function isCalendarDate (y: number, m: number, d: number,
  firstYear = 1): boolean {
  if (y < firstYear || m < 1 || m > 12 || d < 1) return false
  const days = m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1] as number
  return d <= days
}

// The number written by the ASCII digits from..to-1; -1 if any is not one.
function digitsAt (text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    n = n * 10 + digit
  }
  return n
}

// Whether text is YYYY-MM-DD naming a real day, from `firstYear` on.
export function isDateOnCalendar (text: string, firstYear: number): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45) return false
  return isCalendarDate(digitsAt(text, 0, 4), digitsAt(text, 5, 7),
    digitsAt(text, 8, 10), firstYear)
}

// [year, month, day] of YYYY-MM-DD text naming a real day (year 0 on);
// undefined for anything else.
export function readDate (text: string): [number, number, number] | undefined {
  if (!isDateOnCalendar(text, 0)) return undefined
  return [digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10)]
}

// Days since 1970-01-01 of a date, and back. Both count in 400-year eras
// (146,097 days each) of years that start in March, so that a leap day
// falls at the end of its year.
export function daysOfCivil (year: number, month: number,
  day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function civilOfDays (days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) +
    Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100))
  const shifted = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1
  const month = shifted < 10 ? shifted + 3 : shifted - 9
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day]
}
