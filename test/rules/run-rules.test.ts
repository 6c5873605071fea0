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

test('notes which calls read the clock or the store, and where', t => {
  ran.length = 0
  const replay: Replay = { accountPointer: null, calls: [] }
  const found = createRuleSet(rules).run(visits(), [], ctx, replay)
  t.same(replay, {
    accountPointer: null,
    calls: [{ rule: 0, pointer: '' }, { rule: 2, pointer: '/y/0' }]
  })
  t.same(ran, ['clock', 'payload', 'store'])
  t.same(found, [
    { detail: 'bad f', code: 'payload_rule', attr: 'f' },
    { detail: 'no supplier', code: 'store_rule', attr: 'y.0.non_field_errors' }
  ])
  t.end()
})

test('notes no call that field errors skipped', t => {
  ran.length = 0
  const replay: Replay = { accountPointer: null, calls: [] }
  // An error on X's field f skips both of X's rules (the object rule too,
  // as part of its object failed); Y's rule still runs.
  createRuleSet(rules).run(visits(),
    [{ detail: 'x', code: 'invalid', attr: 'f' }], ctx, replay)
  t.same(ran, ['store'])
  t.same(replay.calls, [{ rule: 2, pointer: '/y/0' }])
  t.end()
})

test('runs again only the noted calls, on the objects they name', t => {
  const set = createRuleSet(rules)
  const replay: Replay = { accountPointer: null, calls: [] }
  set.run(visits(), [], ctx, replay)
  ran.length = 0
  const payload = { f: 'bad', y: [{}] }
  t.same(set.rerun(replay, payload, ctx), [
    { detail: 'no supplier', code: 'store_rule', attr: 'y.0.non_field_errors' }
  ])
  t.same(ran, ['clock', 'store'])
  t.end()
})

test('refuses to run again on a payload without those objects', t => {
  const set = createRuleSet(rules)
  const replay: Replay = { accountPointer: null, calls: [] }
  set.run(visits(), [], ctx, replay)
  t.equal(set.rerun(replay, { f: 'bad', y: [] }, ctx), null)
  t.equal(set.rerun(replay, { f: 'bad', y: ['text'] }, ctx), null)
  t.end()
})

test('finds the account again by its pointer', t => {
  const seen: unknown[] = []
  const set = createRuleSet([{
    component: 'EnergyAccount',
    field: null,
    codes: ['account_rule'],
    check: (_value, _owner, ruleCtx) => {
      seen.push(ruleCtx.account)
      return ruleCtx.clock.nowMs() > 0 ? [] : [{ code: 'never', detail: '' }]
    }
  }])
  const account = { n: 1 }
  const replay: Replay = { accountPointer: null, calls: [] }
  set.run([{ component: 'EnergyAccount', pointer: '/payload', data: account }],
    [], ctx, replay)
  t.same(replay, { accountPointer: '/payload', calls: [{ rule: 0, pointer: '/payload' }] })
  const again = { n: 2 }
  t.same(set.rerun(replay, { payload: again }, ctx), [])
  t.same(seen, [account, again])
  t.end()
})

test('finds objects under keys that need escaping in a pointer', t => {
  const set = createRuleSet(rules)
  const replay: Replay = { accountPointer: null, calls: [] }
  set.run([{ component: 'Y', pointer: '/a~1b/c~0d', data: {} }], [], ctx,
    replay)
  t.same(replay.calls, [{ rule: 2, pointer: '/a~1b/c~0d' }])
  t.same(set.rerun(replay, { 'a/b': { 'c~d': {} } }, ctx), [
    { detail: 'no supplier', code: 'store_rule', attr: 'a/b.c~d.non_field_errors' }
  ])
  // Read unescaped, the pointer names objects this payload does not hold.
  t.equal(set.rerun(replay, { a: { b: {} } }, ctx), null)
  t.end()
})
