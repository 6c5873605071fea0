import type { UndocumentedFieldPolicy } from '../config.js'
import type { FieldError } from '../errors.js'
import type { Replay, RuleSet } from '../rules/run-rules.js'
import type { RuleContext } from '../rules/types.js'
import type { Visit } from './keywords.js'
import { dropFields, type SchemaValidator } from './schema-validator.js'
import { escapePointerKey } from './translate.js'

// What checking the same payload again needs (see PayloadChecker.recheck).
export interface Rechecking {
  // The business-rule calls that read beyond the object they check (the
  // clock, the store or the whole account).
  replay: Replay
  // Each object field validation visited, with its component: what the
  // business rules ran on.
  visits: Visit[]
  // The undocumented fields dropped from the payload, each as its keys
  // from the root.
  dropped: string[][]
}

export interface PayloadCheck extends Rechecking {
  errors: FieldError[]
  // Undocumented fields that were dropped, as dot paths (empty when they
  // are refused).
  warnings: string[]
}

export interface PayloadChecker {
  // Validates `data` as `component` and strips undocumented fields from it
  // in place. Field errors first, then the business rules of what parsed.
  check(component: string, data: unknown): PayloadCheck
  // Checks again a payload that passed `check` (no errors at all) and has
  // not changed since, but for the fields it dropped (the caller makes sure
  // of that: staging keeps the JSON text it stored, and processing
  // compares the stored text with it). Field validation is
  // a function of the payload and the seed alone, and the payload has only
  // lost fields it ignores, so it would pass again and is not repeated.
  // Of the business rules, what can answer differently runs again, on the
  // objects `check` visited:
  // - the calls that read beyond their own object (`replay`);
  // - every rule of an object a field was dropped from, and of the objects
  //   holding it: they saw the field and no longer do. A rule sees only
  //   the object it checks, what that holds, and what the context gives.
  recheck(checked: Rechecking): FieldError[]
}

export interface PayloadCheckerOptions {
  schemas: SchemaValidator
  rules: RuleSet
  context: RuleContext
  undocumentedFields: UndocumentedFieldPolicy
}

export function createPayloadChecker (
  options: PayloadCheckerOptions): PayloadChecker {
  const { schemas, rules, context } = options
  const refuse = options.undocumentedFields === 'reject'

  function check (component: string, data: unknown): PayloadCheck {
    const outcome = schemas.validate(component, data)
    const errors = [...outcome.errors]
    if (refuse) {
      for (const attr of outcome.undocumented) {
        errors.push({
          detail: 'This field is not part of the documented payload.',
          code: 'undocumented_field',
          attr
        })
      }
    }
    const replay: Replay = { calls: [] }
    const { visits } = outcome
    errors.push(...rules.run(visits, errors, context, replay))
    if (refuse) return { errors, warnings: [], replay, visits, dropped: [] }
    dropFields(data, outcome.undocumentedKeys)
    return {
      errors,
      warnings: outcome.undocumented,
      replay,
      visits,
      dropped: outcome.undocumentedKeys
    }
  }

  function recheck ({ replay, visits, dropped }: Rechecking): FieldError[] {
    return rules.runAgain(visits, replay, holdersOf(visits, dropped), context)
  }

  return { check, recheck }
}

// The visits (by index) that held a dropped field, directly or further
// down: those whose pointer is a prefix of the field's.
function holdersOf (visits: Visit[], dropped: string[][]): Set<number> {
  const holders = new Set<number>()
  if (dropped.length === 0) return holders
  const above = new Set<string>()
  for (const keys of dropped) {
    let pointer = ''
    above.add(pointer)
    for (let i = 0; i < keys.length - 1; i++) {
      pointer += '/' + escapePointerKey(keys[i] as string)
      above.add(pointer)
    }
  }
  for (let index = 0; index < visits.length; index++) {
    if (above.has((visits[index] as Visit).pointer)) holders.add(index)
  }
  return holders
}
