import { test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

const contract = {
  affiliate_organisation_name: 'Tentacle Affiliates',
  effective_from: '2020-01-01',
  effective_to: '2021-01-01',
  mpxn: '1200060176720',
  status: 'PAID',
  unit_rate_uplift: '0.010'
}

const partner = {
  organisation_number: 'PARTNER-0001',
  role: 'INTRODUCER',
  valid_from: '2020-01-01T00:00:00Z',
  valid_to: '2021-01-01T00:00:00Z'
}

async function accountProblems (t: Parameters<typeof appWith>[0],
  extra: object) {
  const app = await appWith(t)
  return await problemsOf(app, { ...exampleAccount(), ...extra })
}

const at = (list: string, code: string, attr = 'non_field_errors') =>
  [{ code, attr: `${list}.0.${attr}` }]

test('commission contracts and partners as the seed allows pass',
  async t => {
    t.same(await accountProblems(t, {
      commission_contracts: [contract], partner_organisations: [partner]
    }), [])
  })

test('a commission pays uplifts or the deprecated value', async t => {
  t.same(await accountProblems(t,
    { commission_contracts: [{ ...contract, value: '0.01' }] }),
  at('commission_contracts', 'uplift_and_value_conflict'))
  const { unit_rate_uplift: _uplift, ...bare } = contract
  t.same(await accountProblems(t, {
    commission_contracts: [{ ...bare, commission_type: 'UNIT_RATE_UPLIFT' }]
  }), at('commission_contracts', 'commission_type_requires_value'))
})

test('a commission contract ends on or after its start', async t => {
  t.same(await accountProblems(t, {
    commission_contracts: [{ ...contract, effective_to: '2019-12-31' }]
  }), at('commission_contracts', 'start_date_later_than_end_date'))
})

test('a commission names a known affiliate and a real supply point',
  async t => {
    t.same(await accountProblems(t, {
      commission_contracts: [{ ...contract, affiliate_organisation_name: 'X' }]
    }), at('commission_contracts', 'affiliate_organisation_does_not_exist',
      'affiliate_organisation_name'))
    t.same(await accountProblems(t, {
      commission_contracts: [{ ...contract, mpxn: '1200060176721' }]
    }), at('commission_contracts', 'invalid_supply_point_identifier', 'mpxn'))
  })

test('a partner organisation is known and its period is in order',
  async t => {
    t.same(await accountProblems(t, {
      partner_organisations: [{ ...partner, organisation_number: 'P-9' }]
    }), at('partner_organisations', 'partner_organisation_does_not_exist',
      'organisation_number'))
    t.same(await accountProblems(t, {
      partner_organisations: [{ ...partner, valid_to: '2019-12-31T00:00:00Z' }]
    }), at('partner_organisations', 'start_date_later_than_end_date'))
  })
