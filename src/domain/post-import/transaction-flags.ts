import type { FieldError } from '../../errors.js'

// The query flags of V1 Create Transactions, read the way DRF reads a
// boolean, and the amount as Kraken's examples render it.

export interface TransactionFlags {
  checkPreviouslyAdded: boolean
  forceAddToCurrentStatement: boolean
}

const TRUE_TEXT = new Set(['true', 'True', 'TRUE', 't', 'T', 'yes', 'Yes',
  'YES', 'y', 'Y', 'on', 'On', 'ON', '1'])
const FALSE_TEXT = new Set(['false', 'False', 'FALSE', 'f', 'F', 'no', 'No',
  'NO', 'n', 'N', 'off', 'Off', 'OFF', '0'])

// Both flags default to true, as the contract documents.
export function readTransactionFlags (query: unknown):
{ flags: TransactionFlags, errors: FieldError[] } {
  const given = (query ?? {}) as Record<string, unknown>
  const errors: FieldError[] = []

  function read (name: string): boolean {
    let raw = given[name]
    // Django's QueryDict.get answers the last of repeated values.
    if (Array.isArray(raw)) raw = raw[raw.length - 1]
    if (raw === undefined) return true
    if (TRUE_TEXT.has(String(raw))) return true
    if (FALSE_TEXT.has(String(raw))) return false
    errors.push({
      detail: 'Must be a valid boolean.',
      code: 'invalid',
      attr: name
    })
    return true
  }

  const flags = {
    checkPreviouslyAdded: read('check_previously_added'),
    forceAddToCurrentStatement: read('force_add_to_current_statement')
  }
  return { flags, errors }
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/

// "71.00": at least two decimal places, none of the trailing zeros past
// them, whether the amount came as a JSON number or as text.
export function amountText (value: unknown): unknown {
  let text: string
  if (typeof value === 'number') text = value.toFixed(10)
  else if (typeof value === 'string') text = value.trim()
  else return value
  const m = DECIMAL.exec(text)
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return value
  const whole = (m[2] === '' ? '0' : m[2] ?? '0').replace(/^0+(?=\d)/, '')
  const fraction = (m[3] ?? '').replace(/0+$/, '').padEnd(2, '0')
  const negative = m[1] === '-' && /[1-9]/.test(whole + fraction)
  return `${negative ? '-' : ''}${whole}.${fraction}`
}
