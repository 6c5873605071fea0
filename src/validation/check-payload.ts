import type { UndocumentedFieldPolicy } from '../config.js'
import type { FieldError } from '../errors.js'
import type { RuleSet } from '../rules/run-rules.js'
import type { RuleContext } from '../rules/types.js'
import { dropFields, type SchemaValidator } from './schema-validator.js'

export interface PayloadCheck {
  errors: FieldError[]
  // Undocumented fields that were dropped (empty when they are refused).
  warnings: string[]
  // The business-rule invocations that read the clock or the store (see
  // RulePlan): all that can change when the same payload is checked again.
  contextual: number[]
}

export interface PayloadChecker {
  // Validates `data` as `component` and strips undocumented fields from it
  // in place. Field errors first, then the business rules of what parsed.
  check(component: string, data: unknown): PayloadCheck
  // Checks again a payload that passed `check` with nothing dropped, in
  // the form it was then stored: field validation in full, and of the
  // business rules only the contextual ones that check reported.
  recheck(component: string, data: unknown, contextual: readonly number[]):
  FieldError[]
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
    const contextual: number[] = []
    errors.push(...rules.run(outcome.visits, errors, context, { contextual }))
    if (refuse) return { errors, warnings: [], contextual }
    dropFields(data, outcome.undocumented)
    return { errors, warnings: outcome.undocumented, contextual }
  }

  function recheck (component: string, data: unknown,
    contextual: readonly number[]): FieldError[] {
    const outcome = schemas.validate(component, data)
    if (outcome.errors.length > 0 || outcome.undocumented.length > 0) {
      // Not the payload that passed: nothing of that check carries over.
      return check(component, data).errors
    }
    return rules.run(outcome.visits, [], context,
      { only: new Set(contextual) })
  }

  return { check, recheck }
}
