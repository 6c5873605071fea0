import type { UndocumentedFieldPolicy } from '../config.js'
import type { FieldError } from '../errors.js'
import type { Replay, RuleSet } from '../rules/run-rules.js'
import type { RuleContext } from '../rules/types.js'
import type { Visit } from './keywords.js'
import { dropFields, type SchemaValidator } from './schema-validator.js'

export interface PayloadCheck {
  errors: FieldError[]
  // Undocumented fields that were dropped (empty when they are refused).
  warnings: string[]
  // The business-rule calls that read the clock or the store: all that can
  // answer differently when the same payload is checked again.
  replay: Replay
  // Each object field validation visited, with its component: what the
  // business rules ran on.
  visits: Visit[]
}

export interface PayloadChecker {
  // Validates `data` as `component` and strips undocumented fields from it
  // in place. Field errors first, then the business rules of what parsed.
  check(component: string, data: unknown): PayloadCheck
  // Checks again a payload equal to one that passed `check` with nothing
  // dropped (the caller makes sure of that: staging keeps the JSON text it
  // stored and processing compares the stored text with it): field
  // validation is a function of the payload and the seed alone, so it
  // would pass again and is not repeated; of the business rules, only the
  // calls in `replay` run. Null, as a guard, when the payload does not even
  // hold the objects those calls ran on.
  recheck(data: unknown, replay: Replay): FieldError[] | null
  // Runs every business rule again on the objects of an earlier `check`
  // (its `visits`), which has since dropped undocumented fields from them:
  // the rules now see the payload as stored. Field validation is not
  // repeated: the payload it passed has only lost fields it did not
  // document, so it would pass again and visit the same objects.
  rerunRules(visits: Visit[]): FieldError[]
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
    const replay: Replay = { accountPointer: null, calls: [] }
    const { visits } = outcome
    errors.push(...rules.run(visits, errors, context, replay))
    if (refuse) return { errors, warnings: [], replay, visits }
    dropFields(data, outcome.undocumentedKeys)
    return { errors, warnings: outcome.undocumented, replay, visits }
  }

  function recheck (data: unknown, replay: Replay): FieldError[] | null {
    return rules.rerun(replay, data, context)
  }

  function rerunRules (visits: Visit[]): FieldError[] {
    return rules.run(visits, [], context)
  }

  return { check, recheck, rerunRules }
}
