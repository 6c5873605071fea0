import { test } from 'tap'
import { createClock } from '../../src/clock.js'
import { createRuleSet } from '../../src/rules/run-rules.js'
import type { Rule, RuleContext } from '../../src/rules/types.js'
import type { Store } from '../../src/store/types.js'
import { defaultSeed } from '../helpers/app.js'

// Three rules on two visited objects: one reads the clock, one reads
// nothing but the payload, one reads the store.
const ran: string[] = []
const rules: Rule[] = [
  {
    component: 'X',
    field: null,
    codes: ['clock_rule'],
    check: (_value, _owner, ctx) => {
      ran.push('clock')
      return ctx.clock.nowMs() > 0 ? [] : [{ code: 'never', detail: '' }]
    }
  },
  {
    component: 'X',
    field: 'f',
    codes: ['payload_rule'],
    check: (value) => {
      ran.push('payload')
      return value === 'bad' ? [{ code: 'payload_rule', detail: 'bad f' }] : []
    }
  },
  {
    component: 'Y',
    field: null,
    codes: ['store_rule'],
    check: (_value, _owner, ctx) => {
      ran.push('store')
      return ctx.store.findSupplier('NOBODY') === undefined
        ? [{ code: 'store_rule', detail: 'no supplier' }]
        : []
    }
  }
]

const ctx: RuleContext = {
  seed: defaultSeed,
  clock: createClock(),
  store: { findSupplier: () => undefined } as unknown as Store
}
const visits = () => [
  { component: 'X', pointer: '', data: { f: 'bad' } },
  { component: 'Y', pointer: '/y/0', data: {} }
]

test('says which invocations read the clock or the store', t => {
  ran.length = 0
  const contextual: number[] = []
  const found = createRuleSet(rules).run(visits(), [], ctx, { contextual })
  t.same(contextual, [0, 2])
  t.same(ran, ['clock', 'payload', 'store'])
  t.same(found, [
    { detail: 'bad f', code: 'payload_rule', attr: 'f' },
    { detail: 'no supplier', code: 'store_rule', attr: 'y.0.non_field_errors' }
  ])
  t.end()
})

test('numbers invocations the same when field errors skip some', t => {
  ran.length = 0
  const contextual: number[] = []
  // An error on X's field f skips both of X's rules (the object rule too,
  // as part of its object failed); Y's rule keeps its number.
  createRuleSet(rules).run(visits(),
    [{ detail: 'x', code: 'invalid', attr: 'f' }], ctx, { contextual })
  t.same(ran, ['store'])
  t.same(contextual, [2])
  t.end()
})

test('runs only the invocations it is asked to', t => {
  ran.length = 0
  const found = createRuleSet(rules).run(visits(), [], ctx,
    { only: new Set([2]) })
  t.same(ran, ['store'])
  t.same(found.map(f => f.code), ['store_rule'])
  t.end()
})
