import { phoneNumberRules } from './phone-numbers.js'
import type { Rule } from './types.js'

// Every business rule the mock applies, by component.
export const allRules: Rule[] = [
  ...phoneNumberRules
]
