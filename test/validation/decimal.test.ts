import { test } from 'tap'
import { checkDecimal, type DecimalLimits } from '../../src/validation/decimal.js'

function codeOf (value: unknown, limits: DecimalLimits = {}): string | null {
  return checkDecimal(value, limits)?.code ?? null
}

test('accepts JSON numbers and numeric strings', t => {
  for (const value of [0, 12.5, -3, 1e21, '12.5', '-12.5', '+3', '1.', '.5',
    '1e3', '1E+3', '2.5e-3', '0', '-0.000', '007.50']) {
    t.equal(codeOf(value), null, JSON.stringify(value))
  }
  t.end()
})

test('refuses empty strings, words, non-finite numbers and other JSON types as invalid', t => {
  for (const value of ['', '   ', 'abc', '1.2.3', '1 000', '0x10', '1e', 'e5',
    '--1', 'NaN', 'nan', 'Infinity', '-inf', NaN, Infinity, -Infinity,
    true, false, null, {}, [], ['1']]) {
    t.equal(codeOf(value), 'invalid',
      typeof value === 'object' ? JSON.stringify(value) : String(value))
  }
  t.same(checkDecimal('abc', {}),
    { code: 'invalid', detail: 'A valid number is required.' })
  t.end()
})

test('strips surrounding whitespace from a numeric string before reading it', t => {
  t.equal(codeOf(' 1.5 ', { maxDigits: 2, decimalPlaces: 1 }), null)
  t.equal(codeOf('\t-12.5\n', { maxDigits: 3, decimalPlaces: 1 }), null)
  t.equal(codeOf(' 1.5 ', { maxDigits: 1 }), 'max_digits')
  t.end()
})

// [value, digits in total, decimal places], as Python's
// Decimal(value).as_tuple() gives them and DRF's validate_precision counts
// them: leading zeros do not count, trailing zeros do, a positive exponent
// adds whole digits, and a number smaller than one counts its places only.
const COUNTS: Array<[string | number, number, number]> = [
  ['0', 1, 0],
  ['0.00', 2, 2],
  ['-0.000', 3, 3],
  ['007.50', 3, 2],
  ['100', 3, 0],
  ['1.', 1, 0],
  ['.5', 1, 1],
  ['0.05', 2, 2],
  ['-12.5', 3, 1],
  ['12.345', 5, 3],
  ['1e3', 4, 0],
  ['1E+3', 4, 0],
  ['12.5e1', 3, 0],
  ['1.5e-3', 4, 4],
  ['0e5', 6, 0],
  ['0.0e5', 5, 0],
  ['123456789.123456789', 18, 9],
  [0.1, 1, 1],
  [-12.5, 3, 1],
  [12.345, 5, 3],
  [1e-7, 7, 7],
  [1e21, 22, 0]
]

test('counts digits, decimal places and whole digits as Python\'s Decimal does', t => {
  for (const [value, digits, places] of COUNTS) {
    const whole = digits - places
    const label = `${JSON.stringify(value)} has ${digits} digits, ${places} places`
    t.equal(codeOf(value, { maxDigits: digits, decimalPlaces: places }), null,
      `${label}: fits exactly`)
    t.equal(codeOf(value, { maxDigits: digits - 1 }), 'max_digits',
      `${label}: one digit too many`)
    if (places > 0) {
      t.equal(codeOf(value, { decimalPlaces: places - 1 }),
        'max_decimal_places', `${label}: one place too many`)
    }
    if (whole > 0) {
      t.equal(codeOf(value, { maxDigits: digits, decimalPlaces: places + 1 }),
        'max_whole_digits', `${label}: one whole digit too many`)
    }
  }
  t.end()
})

test('reports max_digits before max_decimal_places before max_whole_digits', t => {
  // 123.456: 6 digits, 3 places, 3 whole digits; every limit is exceeded.
  t.same(checkDecimal('123.456', { maxDigits: 4, decimalPlaces: 2 }), {
    code: 'max_digits',
    detail: 'Ensure that there are no more than 4 digits in total.'
  })
  t.same(checkDecimal('123.456', { maxDigits: 6, decimalPlaces: 2 }), {
    code: 'max_decimal_places',
    detail: 'Ensure that there are no more than 2 decimal places.'
  })
  t.same(checkDecimal('123.456', { maxDigits: 6, decimalPlaces: 4 }), {
    code: 'max_whole_digits',
    detail: 'Ensure that there are no more than 2 digits before the decimal point.'
  })
  t.end()
})

test('enforces only the limits it is given', t => {
  t.equal(codeOf('123456789012345678901234567890.123456789'), null)
  t.equal(codeOf('123456.123456', { decimalPlaces: 6 }), null)
  t.equal(codeOf('123456.123456', { maxDigits: 12 }), null)
  t.equal(codeOf('123456.123456', { maxDigits: 11 }), 'max_digits')
  t.end()
})
