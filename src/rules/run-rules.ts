import type { FieldError } from '../errors.js'
import type { Visit } from '../validation/keywords.js'
import { attrOfVisit } from '../validation/schema-validator.js'
import { joinAttr } from '../validation/translate.js'
import type { Rule, RuleContext, RuleFinding } from './types.js'

// A rule call that read something beyond the object it checks: the clock,
// the store or the whole account. Which rule, on which visited object (its
// index in the run's visits). Only such calls can answer differently when
// the same objects are checked again.
export interface ContextualCall {
  rule: number
  visit: number
}

// What checking the same objects again needs: their contextual calls, in
// the order the full run made them.
export interface Replay {
  calls: ContextualCall[]
}

export interface RuleSet {
  // Runs every rule of every visited object. With `replay`, also notes in
  // it the calls that read beyond their object.
  run(visits: Visit[], fieldErrors: FieldError[], ctx: RuleContext,
    replay?: Replay): FieldError[]
  // Runs rules again on the objects of an earlier `run` that found nothing
  // at all (its `visits` and `replay`): every rule of the visits `holders`
  // names, and elsewhere only the calls `replay` noted. A call not run
  // again is taken to find nothing again, so the caller answers for the
  // rest: since that run, only the objects in `holders` may have lost
  // fields, and nothing else of the payload may have changed.
  runAgain(visits: Visit[], replay: Replay, holders: ReadonlySet<number>,
    ctx: RuleContext): FieldError[]
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
  index: number
  steps: string[] | null
}

function valueAt (owner: Record<string, unknown>, steps: string[]): unknown {
  // Most rule fields are one key deep.
  if (steps.length === 1) return owner[steps[0] as string]
  let node: unknown = owner
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[step]
  }
  return node
}

// What the rules are given as their context. Rules are functions of the
// object they check, the seed, and whatever they read of the clock, the
// store and the whole account; the getters notice the last three (`read`).
// Every field of RuleContext is listed here: a field added to it must be
// added here too (and, if it reaches beyond the checked object, noticed).
// A class, not an object literal with getters: one is made per check, and
// V8 builds literals with accessors on a slow path.
class WatchedContext implements RuleContext {
  readonly seed: RuleContext['seed']
  readonly onRuleError: RuleContext['onRuleError']
  read = false
  readonly #base: RuleContext
  readonly #account: Record<string, unknown> | null
  constructor (base: RuleContext, account: Record<string, unknown> | null) {
    this.#base = base
    this.#account = account
    this.seed = base.seed
    this.onRuleError = base.onRuleError
  }

  get clock (): RuleContext['clock'] {
    this.read = true
    return this.#base.clock
  }

  get store (): RuleContext['store'] {
    this.read = true
    return this.#base.store
  }

  get account (): Record<string, unknown> | null {
    this.read = true
    return this.#account
  }
}

function watched (ctx: RuleContext, visits: Visit[]): WatchedContext {
  const account = visits.find(v => v.component === 'EnergyAccount')
  return new WatchedContext(ctx,
    (account?.data as Record<string, unknown> | undefined) ?? null)
}

// Where each finding of one rule call goes.
function attrsOf (findings: RuleFinding[], at: string,
  rule: Rule): FieldError[] {
  return findings.map(finding => ({
    detail: finding.detail,
    code: finding.code,
    attr: finding.at !== undefined
      ? joinAttr(baseOf(at, rule), finding.at)
      : rule.field === null
        ? joinAttr(at, 'non_field_errors')
        : baseOf(at, rule)
  }))
}

// Whether field errors keep a rule from running on an object (at `path`).
function skippedFor (entry: PreparedRule, owner: Record<string, unknown>,
  path: string, fieldErrors: FieldError[]): boolean {
  if (hasErrorsAt(fieldErrors, baseOf(path, entry.rule))) return true
  if (entry.steps === null) return false
  const value = valueAt(owner, entry.steps)
  return value !== undefined && typeof value === 'object' &&
    hasErrorsOnFieldsOf(fieldErrors, path)
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
  const prepared = rules.map((rule, index): PreparedRule => ({
    rule, index, steps: rule.field === null ? null : rule.field.split('.')
  }))
  for (const entry of prepared) {
    const list = byComponent.get(entry.rule.component) ?? []
    list.push(entry)
    byComponent.set(entry.rule.component, list)
  }

  // One rule call; undefined when the rule threw.
  function call (entry: PreparedRule, value: unknown,
    owner: Record<string, unknown>, ctx: RuleContext,
    onRuleError: RuleContext['onRuleError']): RuleFinding[] | undefined {
    try {
      return entry.rule.check(value, owner, ctx)
    } catch (err) {
      onRuleError?.(entry.rule, err)
      return undefined
    }
  }

  // One rule on one visited object (`index` in the visits): runs it unless
  // its field is absent, notes it in `replay` if it read beyond the object,
  // and adds its findings to `found`. `path` is the visit's dot path when
  // already worked out.
  function apply (entry: PreparedRule, visit: Visit, index: number,
    path: string | undefined, runCtx: WatchedContext, found: FieldError[],
    replay?: Replay): void {
    const owner = visit.data as Record<string, unknown>
    const { steps } = entry
    const value = steps === null ? owner : valueAt(owner, steps)
    if (steps !== null && value === undefined) return
    runCtx.read = false
    const findings = call(entry, value, owner, runCtx, runCtx.onRuleError)
    if (runCtx.read) replay?.calls.push({ rule: entry.index, visit: index })
    if (findings === undefined || findings.length === 0) return
    found.push(...attrsOf(findings, path ?? attrOfVisit(visit), entry.rule))
  }

  function run (visits: Visit[], fieldErrors: FieldError[],
    ctx: RuleContext, replay?: Replay): FieldError[] {
    const found: FieldError[] = []
    const runCtx = watched(ctx, visits)
    const anyErrors = fieldErrors.length > 0
    for (let index = 0; index < visits.length; index++) {
      const visit = visits[index] as Visit
      const entries = byComponent.get(visit.component)
      if (entries === undefined) continue
      const path = anyErrors ? attrOfVisit(visit) : undefined
      for (const entry of entries) {
        if (path !== undefined && skippedFor(entry,
          visit.data as Record<string, unknown>, path, fieldErrors)) continue
        apply(entry, visit, index, path, runCtx, found, replay)
      }
    }
    return found
  }

  function runAgain (visits: Visit[], replay: Replay,
    holders: ReadonlySet<number>, ctx: RuleContext): FieldError[] {
    const found: FieldError[] = []
    const runCtx = watched(ctx, visits)
    const { calls } = replay
    // `run` noted the calls visit by visit, in order: those of visit
    // `index` run from `first` to `next`.
    let next = 0
    for (let index = 0; index < visits.length; index++) {
      const visit = visits[index] as Visit
      const first = next
      while ((calls[next] as ContextualCall | undefined)?.visit === index) {
        next++
      }
      if (holders.has(index)) {
        for (const entry of byComponent.get(visit.component) ?? []) {
          apply(entry, visit, index, undefined, runCtx, found)
        }
        continue
      }
      for (let c = first; c < next; c++) {
        const { rule } = calls[c] as ContextualCall
        apply(prepared[rule] as PreparedRule, visit, index, undefined, runCtx,
          found)
      }
    }
    return found
  }

  return { run, runAgain, rules }
}
