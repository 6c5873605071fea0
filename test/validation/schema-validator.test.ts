import { test } from 'tap'
import { fromRoot } from '../../src/lib/paths.js'
import type { ReferenceKind } from '../../src/validation/keywords.js'
import {
  attrOfVisit, createSchemaValidator, dropFields
} from '../../src/validation/schema-validator.js'
import { exampleAccount } from '../helpers/contract.js'

// Reference data as a small seed would have it: one import supplier and the
// one campaign the contract's account example uses.
const KNOWN: Record<ReferenceKind, string[]> = {
  importSupplier: ['TENTACLE_ENERGY'],
  campaignName: ['Super Account'],
  campaignSlug: ['super_account']
}

const validator = createSchemaValidator({
  dir: fromRoot('schemas', 'gb'),
  timezone: 'Europe/London',
  references: (kind, value) => KNOWN[kind].includes(value)
})

interface Problem { code: string, attr: string }

// The errors as {code, attr}, sorted by attr so the order AJV happens to
// report them in does not matter.
function problems (component: string, data: unknown): Problem[] {
  return validator.validate(component, data).errors
    .map(({ code, attr }) => ({ code, attr }))
    .sort((a, b) => a.attr.localeCompare(b.attr))
}

const SUPPLIER = 'TENTACLE_ENERGY'

const credit = {
  type: 'CREDIT',
  amount: '10.00',
  reason: 'DEPOSIT',
  transaction_date: '2024-01-15',
  transaction_id: 'T-1'
}

test('reports a missing required field as required, at the field', t => {
  t.same(problems('AccountNote', { notes: [] }),
    [{ code: 'required', attr: 'import_supplier' }])
  t.same(problems('AccountReference', {}), [
    { code: 'required', attr: 'namespace' },
    { code: 'required', attr: 'value' }
  ])
  t.end()
})

test('reports null where the contract does not allow it as null', t => {
  t.same(problems('AccountNote', {
    import_supplier: SUPPLIER, notes: [{ body: null, is_pinned: null }]
  }), [
    { code: 'null', attr: 'notes.0.body' },
    { code: 'null', attr: 'notes.0.is_pinned' }
  ])
  t.same(problems('AccountNote', { import_supplier: null, notes: null }), [
    { code: 'null', attr: 'import_supplier' },
    { code: 'null', attr: 'notes' }
  ])
  t.same(problems('EnergyPSR', { effective_from: null }),
    [{ code: 'null', attr: 'effective_from' }])
  t.same(problems('ElectricityBespokeRegisterRate', { unit_rate: null }),
    [{ code: 'null', attr: 'unit_rate' }])
  t.end()
})

test('accepts null where the contract marks the field nullable', t => {
  t.same(problems('EnergyPSR', {
    effective_from: '2024-01-15T10:00:00Z',
    effective_to: null,
    description: null
  }), [])
  // An enum that lists null, and a nullable integer with limits.
  t.same(problems('EnergyCustomer', {
    credit_risk_bracket: null, credit_score: null
  }), [])
  t.same(problems('AccountCampaign', { slug: null, start_date: null }), [])
  t.end()
})

test('honours nullable beside allOf: null passes, anything else must match the referenced schema', t => {
  // ElectricityAgents.*_contract is `nullable` + allOf[$ref].
  t.same(problems('ElectricityAgents', {
    da_contract: null, dc_contract: null, mop_contract: null
  }), [])
  t.same(problems('ElectricityAgents', {
    da_contract: 'MOP1',
    dc_contract: { contract_reference: 'X'.repeat(11) },
    mop_contract: { agent_mpid: 'ABCD', contract_reference: 'C-1' }
  }), [
    { code: 'invalid', attr: 'da_contract' },
    { code: 'max_length', attr: 'dc_contract.contract_reference' }
  ])
  t.same(problems('EnergyAccount', { import_supplier: SUPPLIER, portfolio: null }),
    [])
  t.same(problems('EnergyAccount', { import_supplier: SUPPLIER, portfolio: [] }),
    [{ code: 'invalid', attr: 'portfolio' }])
  t.end()
})

test('refuses an empty or blank string in a required plain string as blank', t => {
  t.same(problems('AccountReference', { namespace: '', value: ' \t ' }), [
    { code: 'blank', attr: 'namespace' },
    { code: 'blank', attr: 'value' }
  ])
  t.same(problems('AccountReference', { namespace: ' n ', value: 'v' }), [])
  t.end()
})

test('counts max_length in characters, not bytes or UTF-16 units', t => {
  // AccountReference.namespace allows 50 characters. An emoji is one
  // character, four bytes in UTF-8 and two UTF-16 code units.
  t.same(problems('AccountReference', { namespace: '😀'.repeat(50), value: 'v' }),
    [])
  t.same(problems('AccountReference', { namespace: 'ł'.repeat(50), value: 'v' }),
    [])
  t.same(problems('AccountReference', { namespace: '😀'.repeat(51), value: 'v' }),
    [{ code: 'max_length', attr: 'namespace' }])
  t.same(problems('AccountReference', { namespace: 'n', value: 'ł'.repeat(101) }),
    [{ code: 'max_length', attr: 'value' }])
  t.end()
})

test('refuses a value outside an enum as invalid_choice', t => {
  t.same(problems('AccountConsent', { type: 'MARKETING', value: 'MAYBE' }),
    [{ code: 'invalid_choice', attr: 'value' }])
  t.same(problems('EnergyCustomer', { credit_risk_bracket: 'VERY_HIGH' }),
    [{ code: 'invalid_choice', attr: 'credit_risk_bracket' }])
  t.end()
})

test('refuses a value of the wrong type as invalid', t => {
  // Only values DRF refuses too: it would turn a number into a string for a
  // text field, or read "yes" as true, so those are not used here.
  t.same(problems('AccountNote', {
    import_supplier: SUPPLIER,
    notes: [{ body: true, is_pinned: 'maybe', created_at: {}, external_id: [] }]
  }), [
    { code: 'invalid', attr: 'notes.0.body' },
    { code: 'invalid', attr: 'notes.0.created_at' },
    { code: 'invalid', attr: 'notes.0.external_id' },
    { code: 'invalid', attr: 'notes.0.is_pinned' }
  ])
  t.same(problems('EnergyCustomer', { credit_score: 'high' }),
    [{ code: 'invalid', attr: 'credit_score' }])
  t.same(problems('EnergyCustomer', { credit_score: 1.5 }),
    [{ code: 'invalid', attr: 'credit_score' }])
  t.same(problems('AccountNote', { import_supplier: SUPPLIER, notes: ['a note'] }),
    [{ code: 'invalid', attr: 'notes.0' }])
  t.end()
})

test('refuses a value that is not a list where a list is expected as not_a_list', t => {
  for (const notes of [{}, 'a note', 3, true]) {
    t.same(problems('AccountNote', { import_supplier: SUPPLIER, notes }),
      [{ code: 'not_a_list', attr: 'notes' }], JSON.stringify(notes))
  }
  t.end()
})

test('reports decimal problems with DRF\'s codes at the field', t => {
  // ElectricityBespokeRegisterRate.unit_rate: 12 digits, 5 of them places.
  const code = (unitRate: unknown): Problem[] =>
    problems('ElectricityBespokeRegisterRate', { unit_rate: unitRate })
  t.same(code('1234567.12345'), [])
  t.same(code(1234567.12345), [])
  t.same(code(' 0.5 '), [])
  t.same(code('1234567.123456'), [{ code: 'max_digits', attr: 'unit_rate' }])
  t.same(code('1.123456'), [{ code: 'max_decimal_places', attr: 'unit_rate' }])
  t.same(code('12345678.1'), [{ code: 'max_whole_digits', attr: 'unit_rate' }])
  t.same(code(''), [{ code: 'invalid', attr: 'unit_rate' }])
  t.same(code('abc'), [{ code: 'invalid', attr: 'unit_rate' }])
  t.same(code(true), [{ code: 'invalid', attr: 'unit_rate' }])
  t.same(code({}), [{ code: 'invalid', attr: 'unit_rate' }])
  t.end()
})

test('reports dates off the calendar, and datetimes in date fields, as invalid', t => {
  t.same(problems('AccountCampaign', {
    start_date: '2024-02-29', expiry_date: '2025-02-28'
  }), [])
  t.same(problems('AccountCampaign', {
    start_date: '2023-02-29', expiry_date: '2024-02-29T00:00:00Z'
  }), [
    { code: 'invalid', attr: 'expiry_date' },
    { code: 'invalid', attr: 'start_date' }
  ])
  t.end()
})

test('reports malformed datetimes as invalid and a naive time in the spring-forward gap as make_aware', t => {
  t.same(problems('EnergyPSR', {
    effective_from: '2024-03-31T01:30:00', effective_to: 'next week'
  }), [
    { code: 'make_aware', attr: 'effective_from' },
    { code: 'invalid', attr: 'effective_to' }
  ])
  // The repeated autumn hour, an explicit offset and a bare date all pass.
  t.same(problems('EnergyPSR', {
    effective_from: '2024-10-27T01:30:00', effective_to: '2024-03-31T01:30:00+00:00'
  }), [])
  t.same(problems('EnergyPSR', { effective_from: '2012-01-01' }), [])
  t.end()
})

test('refuses a time of day that is not on the clock as invalid', t => {
  t.same(problems('ElectricityBespokeRegisterRate', {
    unit_rate: '0.1', start_time: '07:30'
  }), [])
  t.same(problems('ElectricityBespokeRegisterRate', {
    unit_rate: '0.1', start_time: '24:00'
  }), [{ code: 'invalid', attr: 'start_time' }])
  t.end()
})

test('refuses an import supplier this Kraken does not know as does_not_exist', t => {
  t.same(problems('AccountNote', { import_supplier: SUPPLIER, notes: [] }), [])
  t.same(problems('AccountNote', { import_supplier: 'OTHER_ENERGY', notes: [] }),
    [{ code: 'does_not_exist', attr: 'import_supplier' }])
  t.same(problems('Transactions', { import_supplier: 'tentacle_energy' }),
    [{ code: 'does_not_exist', attr: 'import_supplier' }])
  t.end()
})

test('validates a transaction against the branch its type names, and reports that branch\'s errors only', t => {
  const { reason: _reason, ...creditWithoutReason } = credit
  t.same(problems('EnergyTransaction', credit), [])
  t.same(problems('EnergyTransaction', creditWithoutReason),
    [{ code: 'required', attr: 'reason' }])
  // A payment needs no reason; a supply charge needs line items and a
  // product code instead.
  t.same(problems('EnergyTransaction', { ...creditWithoutReason, type: 'PAYMENT' }),
    [])
  t.same(problems('EnergyTransaction', { ...creditWithoutReason, type: 'SUPPLY_CHARGE' }), [
    { code: 'required', attr: 'line_items' },
    { code: 'required', attr: 'product_code' }
  ])
  // DEPOSIT is a reason for a credit, not for a repayment.
  t.same(problems('EnergyTransaction', { ...credit, type: 'REPAYMENT' }),
    [{ code: 'invalid_choice', attr: 'reason' }])
  t.same(problems('Transactions', {
    import_supplier: SUPPLIER,
    transactions: [credit, creditWithoutReason]
  }), [{ code: 'required', attr: 'transactions.1.reason' }])
  t.end()
})

test('reports an unknown transaction type as invalid_choice at type and nothing else', t => {
  t.same(problems('Transactions', {
    import_supplier: SUPPLIER,
    transactions: [{ type: 'REFUND', amount: 'lots', colour: 'red' }]
  }), [{ code: 'invalid_choice', attr: 'transactions.0.type' }])
  t.same(validator.validate('EnergyTransaction', { type: 'REFUND', colour: 'red' })
    .undocumented, [])
  t.same(problems('EnergyTransaction', { amount: '1.00' }),
    [{ code: 'required', attr: 'type' }])
  t.same(problems('EnergyTransaction', { ...credit, type: null }),
    [{ code: 'null', attr: 'type' }])
  t.end()
})

test('lists undocumented fields by dot path without counting them as errors', t => {
  const outcome = validator.validate('AccountNote', {
    import_supplier: SUPPLIER,
    colour: 'red',
    notes: [{ body: 'Called the customer.' }, { body: 'Again.', mood: 'calm' }]
  })
  t.same(outcome.errors, [])
  t.same([...outcome.undocumented].sort(), ['colour', 'notes.1.mood'])

  // Inside a transaction, a field of another branch is undocumented too.
  t.same(validator.validate('Transactions', {
    import_supplier: SUPPLIER,
    transactions: [{ ...credit, tax_items: [] }]
  }).undocumented, ['transactions.0.tax_items'])

  // Inside a nullable object.
  t.same(validator.validate('ElectricityAgents', {
    mop_contract: { contract_reference: 'C-1', agent_name: 'Meters Ltd' }
  }).undocumented, ['mop_contract.agent_name'])
  t.end()
})

test('reports a payload that is not an object at the root as non_field_errors', t => {
  t.same(problems('AccountNote', []), [{ code: 'invalid', attr: 'non_field_errors' }])
  t.same(problems('AccountNote', [{ import_supplier: SUPPLIER, notes: [] }]),
    [{ code: 'invalid', attr: 'non_field_errors' }])
  t.same(problems('AccountNote', 'notes'), [{ code: 'invalid', attr: 'non_field_errors' }])
  t.same(problems('AccountNote', null), [{ code: 'null', attr: 'non_field_errors' }])
  t.end()
})

test('says which component each object of the payload was validated as', t => {
  const outcome = validator.validate('AccountNote', {
    import_supplier: SUPPLIER, notes: [{ body: 'a' }, { body: 'b' }]
  })
  t.same(outcome.visits.map(v => ({ component: v.component, path: attrOfVisit(v) })), [
    { component: 'AccountNote', path: '' },
    { component: 'Note', path: 'notes.0' },
    { component: 'Note', path: 'notes.1' }
  ])
  t.end()
})

test('accepts the contract\'s own full account example with no errors', t => {
  const outcome = validator.validate('EnergyAccount', exampleAccount(SUPPLIER))
  t.same(outcome.errors, [])
  // The example carries `ledgers`, which the contract's EnergyAccount schema
  // does not define (it only names it in descriptions and x-use-instead).
  t.same(outcome.undocumented, ['ledgers'])
  t.end()
})

test('has the components of the contract and none other', t => {
  t.equal(validator.has('EnergyAccount'), true)
  t.equal(validator.has('EnergyTransaction'), true)
  t.equal(validator.has('NoSuchComponent'), false)
  t.throws(() => validator.validate('NoSuchComponent', {}),
    new Error('unknown schema NoSuchComponent'))
  t.end()
})

test('drops undocumented fields by their keys, dots and all', t => {
  const payload = {
    'dunning_path.path_name': 1,
    dunning_path: { path_name: 'kept', 'a.b': 2 },
    notes: [{ mood: 'x', body: 'kept' }]
  }
  dropFields(payload, [['dunning_path.path_name'], ['dunning_path', 'a.b'],
    ['notes', '0', 'mood'], ['missing', 'x'], ['notes', '0']])
  // A list item is never dropped as a field: lists have no undocumented
  // keys, and deleting from one would leave a hole.
  t.same(payload, {
    dunning_path: { path_name: 'kept' },
    notes: [{ body: 'kept' }]
  })
  t.end()
})
