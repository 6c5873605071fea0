// DRF's DecimalField: JSON numbers or numeric strings, digit limits counted
// the way Python's Decimal counts them (leading zeros do not count).

export interface DecimalLimits {
  maxDigits?: number
  decimalPlaces?: number
}

export interface DecimalProblem {
  code: 'invalid' | 'max_digits' | 'max_decimal_places' | 'max_whole_digits'
  detail: string
}

// Sign, whole digits, fraction digits (either side of the point may be
// empty, not both), exponent.
const NUMERIC = /^[+-]?(?:(\d+)\.?(\d*)|\.(\d+))(?:[eE]([+-]?\d+))?$/

export function checkDecimal (value: unknown,
  limits: DecimalLimits): DecimalProblem | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return invalid()
  if (typeof value !== 'string' && typeof value !== 'number') return invalid()
  const match = NUMERIC.exec(String(value).trim())
  if (match === null) return invalid()

  const intPart = match[1] ?? ''
  const fracPart = match[2] ?? match[3] ?? ''
  const exponentText = match[4]
  // Zero keeps its exponent, as in Python: '0e5' is 0E+5, six digits.
  const digits = (intPart + fracPart).replace(/^0+/, '') || '0'
  const exponent = Number(exponentText ?? 0) - fracPart.length

  let total: number
  let places: number
  if (exponent >= 0) {
    total = digits.length + exponent
    places = 0
  } else if (-exponent > digits.length) {
    total = places = -exponent
  } else {
    total = digits.length
    places = -exponent
  }
  const whole = total - places

  const { maxDigits, decimalPlaces } = limits
  if (maxDigits !== undefined && total > maxDigits) {
    return {
      code: 'max_digits',
      detail: `Ensure that there are no more than ${maxDigits} digits in total.`
    }
  }
  if (decimalPlaces !== undefined && places > decimalPlaces) {
    return {
      code: 'max_decimal_places',
      detail: `Ensure that there are no more than ${decimalPlaces} decimal places.`
    }
  }
  if (maxDigits !== undefined && decimalPlaces !== undefined &&
    whole > maxDigits - decimalPlaces) {
    return {
      code: 'max_whole_digits',
      detail: 'Ensure that there are no more than ' +
        `${maxDigits - decimalPlaces} digits before the decimal point.`
    }
  }
  return null
}

function invalid (): DecimalProblem {
  return { code: 'invalid', detail: 'A valid number is required.' }
}
