import { test } from 'tap'
import { createClock } from '../../src/clock.js'
import { createRuleSet, type Replay } from '../../src/rules/run-rules.js'
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

test('notes which calls read the clock or the store, and on which object', t => {
  ran.length = 0
  const replay: Replay = { calls: [] }
  const found = createRuleSet(rules).run(visits(), [], ctx, replay)
  t.same(replay.calls, [{ rule: 0, visit: 0 }, { rule: 2, visit: 1 }])
  t.same(ran, ['clock', 'payload', 'store'])
  t.same(found, [
    { detail: 'bad f', code: 'payload_rule', attr: 'f' },
    { detail: 'no supplier', code: 'store_rule', attr: 'y.0.non_field_errors' }
  ])
  t.end()
})

test('notes no call that field errors skipped', t => {
  ran.length = 0
  const replay: Replay = { calls: [] }
  // An error on X's field f skips both of X's rules (the object rule too,
  // as part of its object failed); Y's rule still runs.
  createRuleSet(rules).run(visits(),
    [{ detail: 'x', code: 'invalid', attr: 'f' }], ctx, replay)
  t.same(ran, ['store'])
  t.same(replay.calls, [{ rule: 2, visit: 1 }])
  t.end()
})

test('runs again only the noted calls when no object changed', t => {
  const set = createRuleSet(rules)
  const replay: Replay = { calls: [] }
  const checked = visits()
  set.run(checked, [], ctx, replay)
  ran.length = 0
  t.same(set.runAgain(checked, replay, new Set(), ctx), [
    { detail: 'no supplier', code: 'store_rule', attr: 'y.0.non_field_errors' }
  ])
  t.same(ran, ['clock', 'store'])
  t.end()
})

test('runs every rule of a changed object once, and the noted calls elsewhere', t => {
  const set = createRuleSet(rules)
  const replay: Replay = { calls: [] }
  const checked = visits()
  set.run(checked, [], ctx, replay)
  ran.length = 0
  // X's clock call was noted as well: it runs once, in its place.
  t.same(set.runAgain(checked, replay, new Set([0]), ctx), [
    { detail: 'bad f', code: 'payload_rule', attr: 'f' },
    { detail: 'no supplier', code: 'store_rule', attr: 'y.0.non_field_errors' }
  ])
  t.same(ran, ['clock', 'payload', 'store'])
  ran.length = 0
  t.same(set.runAgain(checked, replay, new Set([1]), ctx), [
    { detail: 'no supplier', code: 'store_rule', attr: 'y.0.non_field_errors' }
  ])
  t.same(ran, ['clock', 'store'])
  t.end()
})

test('a rule that reads the whole account is noted, and given the account', t => {
  const seen: unknown[] = []
  const set = createRuleSet([
    {
      component: 'EnergyAccount',
      field: null,
      codes: ['own_fields'],
      check: () => []
    },
    {
      component: 'Meter',
      field: null,
      codes: ['account_rule'],
      check: (_value, _owner, ruleCtx) => {
        seen.push(ruleCtx.account)
        return []
      }
    }
  ])
  const account = { meters: [{}] }
  const checked = [
    { component: 'EnergyAccount', pointer: '/payload', data: account },
    { component: 'Meter', pointer: '/payload/meters/0', data: account.meters[0] }
  ]
  const replay: Replay = { calls: [] }
  set.run(checked, [], ctx, replay)
  t.same(replay.calls, [{ rule: 1, visit: 1 }])
  t.same(set.runAgain(checked, replay, new Set(), ctx), [])
  t.equal(seen.length, 2)
  t.equal(seen[0], account)
  t.equal(seen[1], account)
  t.end()
})
