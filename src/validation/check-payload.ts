import type { UndocumentedFieldPolicy } from '../config.js'
import type { FieldError } from '../errors.js'
import type { RuleSet } from '../rules/run-rules.js'
import type { RuleContext } from '../rules/types.js'
import { dropFields, type SchemaValidator } from './schema-validator.js'

export interface PayloadCheck {
  errors: FieldError[]
  // Undocumented fields that were dropped (empty when they are refused).
  warnings: string[]
}

export interface PayloadChecker {
  // Validates `data` as `component` and strips undocumented fields from it
  // in place. Field errors first, then the business rules of what parsed.
  check(component: string, data: unknown): PayloadCheck
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

  return {
    check (component, data) {
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
      errors.push(...rules.run(outcome.visits, errors, context))
      if (refuse) return { errors, warnings: [] }
      dropFields(data, outcome.undocumented)
      return { errors, warnings: outcome.undocumented }
    }
  }
}
