import type { RuleFinding } from '../types.js'
import { isObj, list, type Obj, text } from '../readers.js'

export { isObj, list, type Obj, text }

// What the supply rules build with: the shared rule builders
// (../builders.ts), payload readers (../readers.ts), and their own helper
// for findings made relative to the account root.

export { fieldRule, finding, objectRule } from '../builders.js'

// Moves findings made relative to the account root under one of its
// fields, for rules the contract attaches to that field.
export function underField (field: string,
  findings: RuleFinding[]): RuleFinding[] {
  const prefix = field + '.'
  return findings.map(f => {
    if (f.at === undefined || f.at === field) {
      return { code: f.code, detail: f.detail }
    }
    const at = f.at.startsWith(prefix) ? f.at.slice(prefix.length) : f.at
    return { code: f.code, detail: f.detail, at }
  })
}
