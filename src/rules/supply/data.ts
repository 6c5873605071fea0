import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { isObj, list, type Obj, text } from '../readers.js'

export { isObj, list, type Obj, text }

// Helpers for building supply rules and their findings; the payload
// readers themselves live in ../readers.ts.

export function finding (code: string, detail: string,
  at?: string): RuleFinding {
  return at === undefined ? { code, detail } : { code, detail, at }
}

type Check = (value: unknown, owner: Obj, ctx: RuleContext) => RuleFinding[]

export function objectRule (component: string, codes: string[],
  check: (owner: Obj, ctx: RuleContext) => RuleFinding[]): Rule {
  return {
    component,
    field: null,
    codes,
    check: (_value, owner, ctx) => check(owner, ctx)
  }
}

export function fieldRule (component: string, field: string, codes: string[],
  check: Check): Rule {
  return { component, field, codes, check }
}

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
    return { ...f, at }
  })
}
