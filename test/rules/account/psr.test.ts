import { test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

// The example's customer has two needs: electricity code 01, gas code 01.

const atNeed = (code: string, attr = 'non_field_errors') =>
  [{ code, attr: `customers.0.psr.0.${attr}` }]

async function needProblems (t: Parameters<typeof appWith>[0],
  need: object) {
  const app = await appWith(t)
  const account = exampleAccount()
  account.customers[0].psr[0] = need
  return await problemsOf(app, account)
}

test('a need gives an industry code for a fuel', async t => {
  t.same(await needProblems(t, { effective_from: '2012-01-01' }),
    atNeed('psr_industry_code_not_provided'))
})

test('industry codes are two digits the instance knows for the fuel',
  async t => {
    t.same(await needProblems(t, { elec_industry_code: '1' }),
      atNeed('psr_invalid_industry_code', 'elec_industry_code'))
    t.same(await needProblems(t, { gas_industry_code: 'AB' }),
      atNeed('psr_invalid_industry_code', 'gas_industry_code'))
    t.same(await needProblems(t, { elec_industry_code: '99' }),
      atNeed('electricity_psr_record_not_found', 'elec_industry_code'))
    t.same(await needProblems(t, { gas_industry_code: '99' }),
      atNeed('gas_psr_record_not_found', 'gas_industry_code'))
  })

test('a temporary need says when it ends', async t => {
  const need = { elec_industry_code: '24', effective_from: '2019-01-01' }
  t.same(await needProblems(t, need),
    atNeed('temporary_psr_does_not_have_end_date'))
  t.same(await needProblems(t, { ...need, effective_to: '2019-06-01' }), [])
})

test('a described need uses a description the instance knows', async t => {
  const need = { elec_industry_code: '08' }
  t.same(await needProblems(t, { ...need, description: 'blind' }), [])
  t.same(await needProblems(t, { ...need, description: 'Short sighted' }),
    atNeed('psr_record_description_not_found', 'description'))
})

test('a need is known, and temporary, per fuel', async t => {
  // In this seed code 08 is a gas need only, and 24 is temporary only for
  // gas.
  const app = await appWith(t, seed => {
    seed.psrIndustryCodes = seed.psrIndustryCodes
      .filter(n => !(n.fuel === 'ELECTRICITY' && n.code === '08'))
      .map(n => n.fuel === 'ELECTRICITY' && n.code === '24'
        ? { ...n, temporary: false }
        : n)
  })
  const problems = async (need: object) => {
    const account = exampleAccount()
    account.customers[0].psr[0] = need
    return await problemsOf(app, account)
  }
  t.same(await problems({ elec_industry_code: '08' }),
    atNeed('electricity_psr_record_not_found', 'elec_industry_code'))
  t.same(await problems({ gas_industry_code: '08' }), [])
  t.same(await problems({ elec_industry_code: '24' }), [])
  t.same(await problems({ gas_industry_code: '24' }),
    atNeed('temporary_psr_does_not_have_end_date'))
})
