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
  t.same(first.dropped, [['ledgers']])
  t.same(payloads.recheck(first), [{
    detail: 'The account has no ledgers.',
    code: 'no_ledgers',
    attr: 'non_field_errors'
  }])
  // Had nothing been dropped, the rule would not run again: it reads
  // neither the clock, nor the store, nor the account through the context.
  t.same(payloads.recheck({ ...first, dropped: [] }), [])
})

test('a field dropped deep down runs again the rules of the objects above it, and only theirs', async t => {
  const app = await buildTestApp(t)
  const ran: string[] = []
  // Each rule notes where it ran; the meter's finds something once its
  // undocumented `zz` is gone.
  const noting = (component: string, finds?: (owner: any) => boolean): Rule => ({
    component,
    field: null,
    codes: ['noted'],
    check: (_value, owner) => {
      ran.push(component)
      return finds?.(owner) === true
        ? [{ code: 'noted', detail: `${component} has no zz.` }]
        : []
    }
  })
  const payloads = createPayloadChecker({
    schemas: app.schemas,
    rules: createRuleSet([
      noting('EnergyAccount'),
      noting('EnergyLegacySupplyAddress'),
      noting('GasMeter', owner => !('zz' in owner)),
      noting('ElectricityMeter'),
      noting('Note')
    ]),
    context: { seed: app.seed, clock: app.clock, store: app.store },
    undocumentedFields: 'warn'
  })
  const account: any = exampleAccount()
  delete account.ledgers
  account.supply_addresses[0].meter_points[1].meters[0].zz = 1
  const first = payloads.check('EnergyAccount', account)
  t.same([first.errors, first.warnings],
    [[], ['supply_addresses.0.meter_points.1.meters.0.zz']])
  t.same(ran, ['EnergyAccount', 'Note', 'EnergyLegacySupplyAddress',
    'ElectricityMeter', 'GasMeter'])
  ran.length = 0
  t.same(payloads.recheck(first), [{
    detail: 'GasMeter has no zz.',
    code: 'noted',
    attr: 'supply_addresses.0.meter_points.1.meters.0.non_field_errors'
  }])
  t.same(ran, ['EnergyAccount', 'EnergyLegacySupplyAddress', 'GasMeter'])
})
