import type { ErrorObject } from 'ajv'
import { pointerKeys } from './translate.js'

// DRF fields accept more than their JSON type: a CharField takes a number
// and stores its text, an IntegerField takes "5" or 5.0, a BooleanField
// takes "true", "yes", 1 and so on, a ChoiceField matches by text. The
// schema reports these as type (or enum) errors; this converts the value in
// place where DRF would have, so a second pass sees what DRF would store.

const TRUE_VALUES = new Set<unknown>(['t', 'T', 'y', 'Y', 'yes', 'Yes', 'YES',
  'true', 'True', 'TRUE', 'on', 'On', 'ON', '1', 1])
const FALSE_VALUES = new Set<unknown>(['f', 'F', 'n', 'N', 'no', 'No', 'NO',
  'false', 'False', 'FALSE', 'off', 'Off', 'OFF', '0', 0])

const INTEGER_TEXT = /^-?\d+(?:\.0*)?$/
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

const NO_CHANGE = Symbol('no change')

function convert (expected: string[], value: unknown): unknown {
  if (expected.includes('string') &&
    typeof value === 'number' && Number.isFinite(value)) {
    return String(value)
  }
  if (expected.includes('boolean')) {
    if (TRUE_VALUES.has(value)) return true
    if (FALSE_VALUES.has(value)) return false
  }
  if (expected.includes('integer')) {
    if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) {
      return Number.parseInt(value.trim(), 10)
    }
  }
  if (expected.includes('number')) {
    if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) {
      return Number(value.trim())
    }
  }
  return NO_CHANGE
}

function coercedValue (err: ErrorObject): unknown {
  if (err.data === null || typeof err.data === 'object') return NO_CHANGE
  if (err.keyword === 'type') {
    return convert(String(err.params.type).split(','), err.data)
  }
  if (err.keyword === 'enum' && typeof err.data !== 'string') {
    const allowed = (err.schema as unknown[]) ?? []
    const match = allowed.find(v => typeof v === 'string' &&
      v === String(err.data))
    return match === undefined ? NO_CHANGE : match
  }
  return NO_CHANGE
}

function setAt (root: unknown, pointer: string, value: unknown): boolean {
  const parts = pointerKeys(pointer)
  const last = parts.pop()
  if (last === undefined) return false
  let node: unknown = root
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return false
    node = (node as Record<string, unknown>)[part]
  }
  if (node === null || typeof node !== 'object') return false
  ;(node as Record<string, unknown>)[last] = value
  return true
}

// Returns whether anything changed (and so validation should run again).
export function coerceLikeDrf (root: unknown, errors: ErrorObject[]): boolean {
  let changed = false
  for (const err of errors) {
    if (err.instancePath === '') continue
    const value = coercedValue(err)
    if (value === NO_CHANGE) continue
    if (setAt(root, err.instancePath, value)) changed = true
  }
  return changed
}
