import type { Obj } from './readers.js'
import type { Rule, RuleContext, RuleFinding } from './types.js'

// How the account and supply rules declare themselves: a check on a whole
// component object, or on one of its fields, and what a check reports.

export type ObjectCheck = (owner: Obj, ctx: RuleContext) => RuleFinding[]
export type FieldCheck = (value: unknown, owner: Obj, ctx: RuleContext) =>
RuleFinding[]

export function finding (code: string, detail: string,
  at?: string): RuleFinding {
  return at === undefined ? { code, detail } : { code, detail, at }
}

export function objectRule (component: string, codes: string[],
  check: ObjectCheck): Rule {
  return {
    component,
    field: null,
    codes,
    check: (_value, owner, ctx) => check(owner, ctx)
  }
}

export function fieldRule (component: string, field: string,
  codes: string[], check: FieldCheck): Rule {
  return { component, field, codes, check }
}
