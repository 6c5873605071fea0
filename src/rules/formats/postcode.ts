// UK postcodes as Royal Mail allocates them: an outward code (area letters,
// district digits, sometimes a final letter) and an inward code (a digit
// and two letters). Kraken normalises case and spacing before it checks,
// so "w1f9de" is the same postcode as "W1F 9DE".

const OUTWARD = new RegExp('^(?:' + [
  '[A-PR-UWYZ][0-9]{1,2}',
  '[A-PR-UWYZ][A-HK-Y][0-9]{1,2}',
  '[A-PR-UWYZ][0-9][A-HJKPSTUW]',
  '[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]'
].join('|') + ')$')

const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/

// The postcode in its standard form ("W1F 9DE"), or null when it is not
// one. GIR 0AA, the one historic exception, is accepted as well.
export function normalisePostcode (value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase()
  if (compact.length < 5 || compact.length > 7) return null
  const outward = compact.slice(0, -3)
  const inward = compact.slice(-3)
  if (compact === 'GIR0AA') return 'GIR 0AA'
  if (!OUTWARD.test(outward) || !INWARD.test(inward)) return null
  return `${outward} ${inward}`
}

export function isUkPostcode (value: string): boolean {
  return normalisePostcode(value) !== null
}
