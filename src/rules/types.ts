import type { Clock } from '../clock.js'
import type { Seed } from '../seed/types.js'
import type { Store } from '../store/types.js'

// A business rule from the contract's x-validators catalogue. It is attached
// to a component (and a field of it, or the whole object) and runs after
// field validation, the way DRF runs validators after parsing.
export interface RuleFinding {
  code: string
  detail: string
  // Where inside the checked value the problem is, when deeper than it.
  at?: string
}

export interface RuleContext {
  seed: Seed
  clock: Clock
  // For rules about Kraken's own state (account exists, reference in use).
  store: Store
  // The account payload being checked, when there is one: a rule about
  // other accounts must not count this account's own earlier import.
  account?: Record<string, unknown> | null
  // Told when a rule throws on a shape it did not expect.
  onRuleError?: (rule: Rule, err: unknown) => void
}

export interface Rule {
  component: string
  // Dot path of the field inside the component; null for the object itself.
  field: string | null
  codes: string[]
  check(value: unknown, owner: Record<string, unknown>, ctx: RuleContext):
  RuleFinding[]
}
