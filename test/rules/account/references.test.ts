import type { FastifyInstance } from 'fastify'
import { test } from 'tap'
import { allRules } from '../../../src/rules/index.js'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

// An account that claimed a reference when it was imported.
function claim (app: FastifyInstance, key: string): void {
  app.store.addAccountRecords([{
    kind: 'reference',
    accountNumber: 'A-00000001',
    key,
    json: '{}',
    createdAt: '2024-01-01T00:00:00.000Z'
  }])
}

const campaignProblem = (code: string, attr = '0.non_field_errors') =>
  [{ code, attr: `account_campaigns.${attr}` }]

test('a campaign is named by slug or by name, not both', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.account_campaigns[0].campaign_name = 'Super Account'
  t.same(await problemsOf(app, account),
    campaignProblem('campaign_name_and_slug_provided'))
  account.account_campaigns[0] = { campaign_note: 'Which one?' }
  t.same(await problemsOf(app, account),
    campaignProblem('campaign_name_or_slug_not_provided'))
})

test('an unknown campaign is not found', async t => {
  const app = await appWith(t)
  // Field validation refuses an unseeded name or slug first (the contract
  // lists the instance's campaigns as an enum), so the rule is called
  // directly, as it would run if the enum let the value through.
  const rule = allRules.find(r => r.codes.includes('campaign_not_found'))
  const campaign = { slug: 'no_such_campaign' }
  const context = { seed: app.seed, clock: app.clock, store: app.store }
  t.same(rule?.check(campaign, campaign, context).map(f => f.code),
    ['campaign_not_found'])
})

test('a campaign expires after the day it starts', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  Object.assign(account.account_campaigns[0],
    { start_date: '2020-01-01', expiry_date: '2020-01-01' })
  t.same(await problemsOf(app, account),
    campaignProblem('start_date_same_as_end_date'))
})

test('an account\'s campaigns are named one way and once each',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    account.account_campaigns.push({ campaign_name: 'Abusive Customer' })
    t.same(await problemsOf(app, account), campaignProblem(
      'inconsistent_campaign_identifiers', 'non_field_errors'))
    account.account_campaigns[1] = { slug: 'super_account' }
    t.same(await problemsOf(app, account),
      campaignProblem('duplicate_account_campaigns', 'non_field_errors'))
  })

test('a reference uses a namespace the instance has', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.references[0].namespace = 'someone-else.reference'
  t.same(await problemsOf(app, account), [{
    code: 'invalid_reference_namespace', attr: 'references.0.namespace'
  }])
})

test('a reference another account holds is refused', async t => {
  const app = await appWith(t)
  claim(app, 'tentacle-energy.allpay-client-reference-number:1234567890')
  t.same(await problemsOf(app, exampleAccount()), [{
    code: 'reference_already_exists', attr: 'references.0.non_field_errors'
  }])
})

test('the dunning path exists and does not start in the past', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.dunning_path.path_name = 'gentle_reminders'
  t.same(await problemsOf(app, account), [{
    code: 'dunning_path_not_found', attr: 'dunning_path.non_field_errors'
  }])
  // The contract's own date.
  const published = exampleAccount()
  published.dunning_path.start_date = '2020-03-26'
  t.same(await problemsOf(app, published), [{
    code: 'date_in_past', attr: 'dunning_path.start_date'
  }])
})

test('a debt names a known agency when it has a start date', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.debts[0].agency_name = 'Debt R Them'
  t.same(await problemsOf(app, account), [{
    code: 'debt_collection_agency_does_not_exist',
    attr: 'debts.0.non_field_errors'
  }])
  delete account.debts[0].agency_name
  t.same(await problemsOf(app, account), [{
    code: 'debt_collection_agency_name_required',
    attr: 'debts.0.non_field_errors'
  }])
})

test('CAIS references need support and belong to one account', async t => {
  const unsupported = await appWith(t, seed => {
    seed.settings.caisReferencesSupported = false
  })
  const account = exampleAccount()
  account.debts[0].cais_reference = 'CAIS-1'
  t.same(await problemsOf(unsupported, account), [{
    code: 'cais_references_not_supported', attr: 'debts.0.cais_reference'
  }])

  const app = await appWith(t)
  claim(app, 'cais:CAIS-1')
  t.same(await problemsOf(app, account), [{
    code: 'cais_reference_already_in_use_on_another_account',
    attr: 'debts.0.cais_reference'
  }])
})

test('a warm home discount names a tax year like 2018/19', async t => {
  const app = await appWith(t)
  for (const year of ['2017/19', '2017-18', '17/18']) {
    const account = exampleAccount()
    account.warm_home_discount[0].tax_year = year
    t.same(await problemsOf(app, account), [{
      code: 'incorrect_format_for_tax_year',
      attr: 'warm_home_discount.0.tax_year'
    }], year)
  }
})

test('a tax exemption ends after the day it starts', async t => {
  const app = await appWith(t)
  // Tax exemptions are for business accounts.
  const account: Record<string, any> =
    { ...exampleAccount(), account_type: 'BUSINESS' }
  account.supply_addresses[0].meter_points[0].vat_exemptions = [
    { effective_from: '2020-01-01', effective_to: '2020-01-01', rate: '1.00' }
  ]
  t.same(await problemsOf(app, account), [{
    code: 'start_date_same_as_end_date',
    attr: 'supply_addresses.0.meter_points.0.vat_exemptions.0.non_field_errors'
  }])
})
