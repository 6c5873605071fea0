import type { Rule } from '../types.js'

// Business rules about supply: meter points, meters, registers, readings,
// agreements and consumption history.
export const supplyRules: Rule[] = []
