import type { FieldError } from '../errors.js'
import type { Visit } from '../validation/keywords.js'
import { attrOfVisit } from '../validation/schema-validator.js'
import { joinAttr } from '../validation/translate.js'
import type { Rule, RuleContext } from './types.js'

// Every rule run on every visited object is one invocation, numbered in
// the order the run meets them: the same payload gives the same numbers.
export interface RulePlan {
  // Runs only these invocations (the others are known to find nothing).
  only?: ReadonlySet<number>
  // Receives the number of each invocation that read the clock or the
  // store: only those can answer differently for the same payload later.
  contextual?: number[]
}

export interface RuleSet {
  run(visits: Visit[], fieldErrors: FieldError[], ctx: RuleContext,
    plan?: RulePlan): FieldError[]
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

// Where a rule's findings go: its field, or the object it checks.
function baseOf (path: string, rule: Rule): string {
  return rule.field === null ? path : joinAttr(path, rule.field)
}

// A rule with its field split once, for reading the value out of the owner.
interface PreparedRule {
  rule: Rule
  steps: string[] | null
}

function valueAt (owner: Record<string, unknown>, steps: string[]): unknown {
  let node: unknown = owner
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[step]
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
//
// This runs for every object of every payload, so it works out dot paths
// only when there are field errors to compare with or findings to report.
export function createRuleSet (rules: Rule[]): RuleSet {
  const byComponent = new Map<string, PreparedRule[]>()
  for (const rule of rules) {
    const list = byComponent.get(rule.component) ?? []
    list.push({ rule, steps: rule.field === null ? null : rule.field.split('.') })
    byComponent.set(rule.component, list)
  }

  function run (visits: Visit[], fieldErrors: FieldError[],
    ctx: RuleContext, plan: RulePlan = {}): FieldError[] {
    const found: FieldError[] = []
    const account = visits.find(v => v.component === 'EnergyAccount')
    // Rules are functions of the payload, the seed and what they read of
    // the clock and the store; the getters notice the last two. Every
    // field of RuleContext is listed here: a field added to it must be
    // added here too (and, if it can change between checks, noticed).
    let readContext = false
    const runCtx: RuleContext = {
      seed: ctx.seed,
      get clock () { readContext = true; return ctx.clock },
      get store () { readContext = true; return ctx.store },
      account: (account?.data as Record<string, unknown> | undefined) ?? null,
      ...(ctx.onRuleError === undefined ? {} : { onRuleError: ctx.onRuleError })
    }
    const { only, contextual } = plan
    let invocation = -1
    const anyErrors = fieldErrors.length > 0
    for (const visit of visits) {
      const prepared = byComponent.get(visit.component)
      if (prepared === undefined) continue
      const owner = visit.data as Record<string, unknown>
      const path = anyErrors ? attrOfVisit(visit) : undefined
      for (const { rule, steps } of prepared) {
        invocation++
        if (only !== undefined && !only.has(invocation)) continue
        if (path !== undefined &&
          hasErrorsAt(fieldErrors, baseOf(path, rule))) continue
        const value = steps === null ? owner : valueAt(owner, steps)
        if (steps !== null && value === undefined) continue
        if (path !== undefined && steps !== null && typeof value === 'object' &&
          hasErrorsOnFieldsOf(fieldErrors, path)) continue
        let findings
        readContext = false
        try {
          findings = rule.check(value, owner, runCtx)
        } catch (err) {
          ctx.onRuleError?.(rule, err)
          continue
        } finally {
          if (readContext) contextual?.push(invocation)
        }
        if (findings.length === 0) continue
        const at = path ?? attrOfVisit(visit)
        for (const finding of findings) {
          const attr = finding.at !== undefined
            ? joinAttr(baseOf(at, rule), finding.at)
            : rule.field === null
              ? joinAttr(at, 'non_field_errors')
              : baseOf(at, rule)
          found.push({ detail: finding.detail, code: finding.code, attr })
        }
      }
    }
    return found
  }

  return { run, rules }
}
