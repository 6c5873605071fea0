// Companies House registration numbers: eight characters, either all
// digits (England and Wales companies, written with leading zeros that
// people often drop) or a two-letter prefix naming the register followed
// by six digits (SC for Scotland, NI for Northern Ireland, OC for LLPs...).

const PREFIXES = new Set([
  'AC', 'BR', 'CE', 'CS', 'FC', 'FE', 'GE', 'GN', 'GS', 'IC', 'IP', 'LP',
  'NA', 'NC', 'NF', 'NI', 'NL', 'NO', 'NP', 'NR', 'NV', 'NZ', 'OC', 'OE',
  'R0', 'RC', 'RS', 'SA', 'SC', 'SE', 'SF', 'SG', 'SI', 'SL', 'SO', 'SP',
  'SR', 'SZ', 'ZC'
])

// The number in its standard eight-character form, or null when it cannot
// be one. Spaces are ignored and letters read in either case.
export function normaliseCompanyNumber (value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase()
  if (/^[0-9]{1,8}$/.test(compact) && /[1-9]/.test(compact)) {
    return compact.padStart(8, '0')
  }
  const match = /^([A-Z][A-Z0-9])([0-9]{1,6})$/.exec(compact)
  if (match === null || !PREFIXES.has(match[1] ?? '')) return null
  return (match[1] ?? '') + (match[2] ?? '').padStart(6, '0')
}

export function isCompanyNumber (value: string): boolean {
  return normaliseCompanyNumber(value) !== null
}
