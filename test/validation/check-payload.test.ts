import { test } from 'tap'
import { createRuleSet } from '../../src/rules/run-rules.js'
import type { Rule } from '../../src/rules/types.js'
import { createPayloadChecker } from '../../src/validation/check-payload.js'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'

// A rule that reads a field the schema does not document: it finds
// something only once `ledgers` is gone.
const readsLedgers: Rule = {
  component: 'EnergyAccount',
  field: null,
  codes: ['no_ledgers'],
  check: (_value, owner) => 'ledgers' in owner
    ? []
    : [{ code: 'no_ledgers', detail: 'The account has no ledgers.' }]
}

test('rules run again see the payload without the fields it dropped', async t => {
  const app = await buildTestApp(t)
  const payloads = createPayloadChecker({
    schemas: app.schemas,
    rules: createRuleSet([readsLedgers]),
    context: { seed: app.seed, clock: app.clock, store: app.store },
    undocumentedFields: 'warn'
  })
  const account = exampleAccount()
  const first = payloads.check('EnergyAccount', account)
  // The rule saw `ledgers`, which was dropped afterwards.
  t.same([first.errors, first.warnings], [[], ['ledgers']])
  t.notOk('ledgers' in account)
  t.same(payloads.rerunRules(first.visits), [{
    detail: 'The account has no ledgers.',
    code: 'no_ledgers',
    attr: 'non_field_errors'
  }])
  // The replay alone would not see it: the rule reads neither the clock
  // nor the store.
  t.same(payloads.recheck(account, first.replay), [])
})
