import type { Rule, RuleContext, RuleFinding } from '../types.js'

// Small readers for payload parts that field validation has already
// shaped, so the rules can stay about meaning rather than types.

export type Obj = Record<string, unknown>

export function isObj (value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// The entries of a list, with anything that is not an object read as an
// empty one so that indexes still match the payload's.
export function list (value: unknown): Obj[] {
  if (!Array.isArray(value)) return []
  return value.map(item => isObj(item) ? item : {})
}

// A string field, or undefined when it is absent, null or blank.
export function text (owner: Obj, key: string): string | undefined {
  const value = owner[key]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

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
