import type { Rule } from '../types.js'

// Business rules about the account as a whole: customers, billing,
// finance, notes, campaigns, references.
export const accountRules: Rule[] = []
