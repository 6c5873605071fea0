import { accountRules } from './account/index.js'
import { phoneNumberRules } from './phone-numbers.js'
import { supplyRules } from './supply/index.js'
import type { Rule } from './types.js'

// Every business rule the mock applies, by component.
export const allRules: Rule[] = [
  ...phoneNumberRules,
  ...accountRules,
  ...supplyRules
]
