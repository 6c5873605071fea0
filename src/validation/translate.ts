import type { ErrorObject } from 'ajv'
import type { FieldError } from '../errors.js'

// AJV reports JSON Schema keywords; Kraken reports DRF codes at dot paths.
// This maps one to the other and keeps, per attr, the error DRF would raise
// first (a field that is null or of the wrong type reports nothing else).

// The keys a JSON pointer steps through ('' names the root: none).
export function pointerKeys (pointer: string): string[] {
  if (pointer === '') return []
  const parts = pointer.slice(1).split('/')
  // Escapes (~1 for '/', ~0 for '~') are rare: keys with either.
  if (!pointer.includes('~')) return parts
  return parts.map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
}

// One key as a JSON pointer writes it.
export function escapePointerKey (key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

export function pointerToAttr (pointer: string): string {
  // Every visited object with a finding passes through here.
  if (!pointer.includes('~')) return pointer.slice(1).replaceAll('/', '.')
  return pointerKeys(pointer).join('.')
}

export function joinAttr (base: string, field: string): string {
  return base === '' ? field : `${base}.${field}`
}

const CONTAINERS = new Set(['if', 'allOf', 'anyOf', 'oneOf', 'not', 'then',
  'else', 'const', 'additionalProperties'])

// A value as a message can show it: text as is, anything else as JSON
// (never String(), which runs a caller-supplied toString).
export function shown (value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? typeof value
  } catch {
    return typeof value
  }
}

const TYPE_DETAIL: Record<string, string> = {
  array: 'Expected a list of items.',
  object: 'Invalid data. Expected a dictionary.',
  boolean: 'Must be a valid boolean.',
  integer: 'A valid integer is required.',
  number: 'A valid number is required.',
  string: 'Not a valid string.'
}

function describe (err: ErrorObject): { code: string, detail: string } {
  const p = err.params as Record<string, unknown>
  if (err.data === null && (err.keyword === 'type' || err.keyword === 'enum')) {
    return { code: 'null', detail: 'This field may not be null.' }
  }
  switch (err.keyword) {
    case 'required':
      return { code: 'required', detail: 'This field is required.' }
    case 'type': {
      // A ChoiceField never says `invalid`: anything not a choice is
      // `invalid_choice`, whatever its type.
      if (Array.isArray(err.parentSchema?.enum)) {
        return {
          code: 'invalid_choice',
          detail: `"${shown(err.data)}" is not a valid choice.`
        }
      }
      if (err.parentSchema?.['x-decimal'] !== undefined) {
        return { code: 'invalid', detail: 'A valid number is required.' }
      }
      const expected = String(p.type).split(',')[0] ?? 'string'
      const code = expected === 'array' ? 'not_a_list' : 'invalid'
      return { code, detail: TYPE_DETAIL[expected] ?? 'Invalid value.' }
    }
    case 'enum':
      return {
        code: 'invalid_choice',
        detail: `"${shown(err.data)}" is not a valid choice.`
      }
    case 'maxLength':
      return {
        code: 'max_length',
        detail: `Ensure this field has no more than ${String(p.limit)} characters.`
      }
    case 'minLength':
      return {
        code: 'min_length',
        detail: `Ensure this field has at least ${String(p.limit)} characters.`
      }
    case 'maximum':
      return {
        code: 'max_value',
        detail: `Ensure this value is less than or equal to ${String(p.limit)}.`
      }
    case 'minimum':
      return {
        code: 'min_value',
        detail: `Ensure this value is greater than or equal to ${String(p.limit)}.`
      }
    case 'minItems':
      return p.limit === 1
        ? { code: 'empty', detail: 'This list may not be empty.' }
        : {
            code: 'min_length',
            detail: `Ensure this list has at least ${String(p.limit)} items.`
          }
    case 'maxItems':
      return {
        code: 'max_length',
        detail: `Ensure this list has no more than ${String(p.limit)} items.`
      }
    default:
      if (typeof p.code === 'string') {
        return { code: p.code, detail: err.message ?? 'Invalid value.' }
      }
      return { code: 'invalid', detail: 'Invalid value.' }
  }
}

const FIRST = ['null', 'required', 'not_a_list', 'invalid', 'blank']

function rank (code: string): number {
  const i = FIRST.indexOf(code)
  return i === -1 ? FIRST.length : i
}

export interface Translated {
  errors: FieldError[]
  // Fields the contract does not document, as dot paths (for reports)...
  undocumented: string[]
  // ...and, in the same order, as their keys from the payload's root: a
  // key may itself contain a dot.
  undocumentedKeys: string[][]
}

export function translateErrors (raw: ErrorObject[]): Translated {
  const byAttr = new Map<string, FieldError>()
  const undocumented: string[] = []
  const undocumentedKeys: string[][] = []
  for (const err of raw) {
    const base = pointerToAttr(err.instancePath)
    if (err.keyword === 'additionalProperties') {
      const name = String((err.params as Record<string, unknown>)
        .additionalProperty)
      undocumented.push(joinAttr(base, name))
      undocumentedKeys.push([...pointerKeys(err.instancePath), name])
      continue
    }
    if (CONTAINERS.has(err.keyword)) continue
    const attr = err.keyword === 'required'
      ? joinAttr(base, String((err.params as Record<string, unknown>)
        .missingProperty))
      : base === '' ? 'non_field_errors' : base
    const { code, detail } = describe(err)
    const seen = byAttr.get(attr)
    if (seen === undefined || rank(code) < rank(seen.code)) {
      byAttr.set(attr, { detail, code, attr })
    }
  }
  return { errors: [...byAttr.values()], undocumented, undocumentedKeys }
}
