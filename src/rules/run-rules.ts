import type { FieldError } from '../errors.js'
import type { Visit } from '../validation/keywords.js'
import { attrOfVisit } from '../validation/schema-validator.js'
import {
  joinAttr, pointerKeys, pointerToAttr
} from '../validation/translate.js'
import type { Rule, RuleContext, RuleFinding } from './types.js'

// A rule call that read the clock or the store: which rule, on which
// object (a JSON pointer into the payload). Only such calls can answer
// differently when the same payload is checked again later.
export interface ContextualCall {
  rule: number
  pointer: string
}

// What checking a payload again needs: its contextual calls, in the order
// the full run made them, and the pointer of its account object (for
// RuleContext.account), null when it has none.
export interface Replay {
  accountPointer: string | null
  calls: ContextualCall[]
}

export interface RuleSet {
  // Runs every rule of every visited object. With `replay`, also fills it
  // in: the account's pointer, and the calls that read the clock or the
  // store.
  run(visits: Visit[], fieldErrors: FieldError[], ctx: RuleContext,
    replay?: Replay): FieldError[]
  // Runs again only the contextual calls of an earlier `run`, on a payload
  // equal to the one that run checked, which the caller must make sure of:
  // it finds each object by its pointer and needs no field validation to
  // know which is which. Null, as a guard only, when the payload does not
  // even hold those objects.
  rerun(replay: Replay, payload: unknown, ctx: RuleContext): FieldError[] | null
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
// payload, the seed and what they read of the clock and the store; the
// getters notice the last two (`read`). Every field of RuleContext is
// listed here: a field added to it must be added here too (and, if it can
// change between checks, noticed). A class, not an object literal with
// getters: one is made per check, and V8 builds literals with accessors
// on a slow path.
class WatchedContext implements RuleContext {
  readonly seed: RuleContext['seed']
  readonly onRuleError: RuleContext['onRuleError']
  read = false
  readonly #base: RuleContext
  constructor (base: RuleContext,
    readonly account: Record<string, unknown> | null) {
    this.#base = base
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
}

function watched (ctx: RuleContext, account: unknown): WatchedContext {
  return new WatchedContext(ctx,
    (account as Record<string, unknown> | undefined) ?? null)
}

// The object a JSON pointer names inside a payload, if it is one.
function objectAt (root: unknown, pointer: string):
Record<string, unknown> | undefined {
  let node = root
  for (const key of pointerKeys(pointer)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node)
    ? node as Record<string, unknown>
    : undefined
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

  function run (visits: Visit[], fieldErrors: FieldError[],
    ctx: RuleContext, replay?: Replay): FieldError[] {
    const found: FieldError[] = []
    const account = visits.find(v => v.component === 'EnergyAccount')
    if (replay !== undefined) replay.accountPointer = account?.pointer ?? null
    const runCtx = watched(ctx, account?.data)
    const anyErrors = fieldErrors.length > 0
    for (const visit of visits) {
      const entries = byComponent.get(visit.component)
      if (entries === undefined) continue
      const owner = visit.data as Record<string, unknown>
      const path = anyErrors ? attrOfVisit(visit) : undefined
      for (const entry of entries) {
        const { rule, steps } = entry
        if (path !== undefined &&
          hasErrorsAt(fieldErrors, baseOf(path, rule))) continue
        const value = steps === null ? owner : valueAt(owner, steps)
        if (steps !== null && value === undefined) continue
        if (path !== undefined && steps !== null && typeof value === 'object' &&
          hasErrorsOnFieldsOf(fieldErrors, path)) continue
        runCtx.read = false
        const findings = call(entry, value, owner, runCtx, ctx.onRuleError)
        if (runCtx.read) {
          replay?.calls.push({ rule: entry.index, pointer: visit.pointer })
        }
        if (findings === undefined || findings.length === 0) continue
        found.push(...attrsOf(findings, path ?? attrOfVisit(visit), rule))
      }
    }
    return found
  }

  function rerun (replay: Replay, payload: unknown,
    ctx: RuleContext): FieldError[] | null {
    const { accountPointer } = replay
    const account = accountPointer === null
      ? undefined
      : objectAt(payload, accountPointer)
    if (accountPointer !== null && account === undefined) return null
    const runCtx = watched(ctx, account)
    const found: FieldError[] = []
    for (const { rule: index, pointer } of replay.calls) {
      const entry = prepared[index]
      const owner = objectAt(payload, pointer)
      if (entry === undefined || owner === undefined) return null
      const value = entry.steps === null ? owner : valueAt(owner, entry.steps)
      if (entry.steps !== null && value === undefined) return null
      const findings = call(entry, value, owner, runCtx, ctx.onRuleError)
      if (findings === undefined || findings.length === 0) continue
      found.push(...attrsOf(findings, pointerToAttr(pointer), entry.rule))
    }
    return found
  }

  return { run, rerun, rules }
}
