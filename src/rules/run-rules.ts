import type { FieldError } from '../errors.js'
import type { Visit } from '../validation/keywords.js'
import { joinAttr } from '../validation/translate.js'
import type { Rule, RuleContext } from './types.js'

export interface RuleSet {
  run(visits: Visit[], fieldErrors: FieldError[], ctx: RuleContext):
  FieldError[]
  rules: readonly Rule[]
}

function hasErrorsAt (errors: FieldError[], attr: string): boolean {
  const prefix = attr === '' ? '' : attr + '.'
  return errors.some(e => e.attr === attr || e.attr.startsWith(prefix) ||
    (attr === '' && e.attr !== ''))
}

// Errors on the owner's own plain fields (not inside its lists or objects).
function hasErrorsOnFieldsOf (errors: FieldError[], path: string): boolean {
  const prefix = path === '' ? '' : path + '.'
  return errors.some(e => e.attr.startsWith(prefix) &&
    !e.attr.slice(prefix.length).includes('.'))
}

function valueAt (owner: Record<string, unknown>, field: string): unknown {
  let node: unknown = owner
  for (const part of field.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

// Runs the rules of each component the payload was validated as. A field
// rule is skipped when the field already failed; an object rule when any
// part of the object failed: DRF only validates what parsed. A rule on a
// list or object field usually compares it with the owner's other fields
// (dates against last_billed_to_date), so it also waits for those.
// A rule that meets a shape it does not expect (undocumented fields are
// not typed) is skipped rather than failing the request.
export function createRuleSet (rules: Rule[]): RuleSet {
  const byComponent = new Map<string, Rule[]>()
  for (const rule of rules) {
    const list = byComponent.get(rule.component) ?? []
    list.push(rule)
    byComponent.set(rule.component, list)
  }

  function run (visits: Visit[], fieldErrors: FieldError[],
    ctx: RuleContext): FieldError[] {
    const found: FieldError[] = []
    const account = visits.find(v => v.component === 'EnergyAccount')
    const runCtx: RuleContext = {
      ...ctx,
      account: (account?.data as Record<string, unknown> | undefined) ?? null
    }
    for (const visit of visits) {
      const owner = visit.data as Record<string, unknown>
      for (const rule of byComponent.get(visit.component) ?? []) {
        const base = rule.field === null
          ? visit.path
          : joinAttr(visit.path, rule.field)
        if (hasErrorsAt(fieldErrors, base)) continue
        const value = rule.field === null ? owner : valueAt(owner, rule.field)
        if (rule.field !== null && value === undefined) continue
        if (rule.field !== null && typeof value === 'object' &&
          hasErrorsOnFieldsOf(fieldErrors, visit.path)) continue
        let findings
        try {
          findings = rule.check(value, owner, runCtx)
        } catch (err) {
          ctx.onRuleError?.(rule, err)
          continue
        }
        for (const finding of findings) {
          const attr = finding.at !== undefined
            ? joinAttr(base, finding.at)
            : rule.field === null
              ? joinAttr(visit.path, 'non_field_errors')
              : base
          found.push({ detail: finding.detail, code: finding.code, attr })
        }
      }
    }
    return found
  }

  return { run, rules }
}
