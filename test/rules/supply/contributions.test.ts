import t from 'tap'
import { defaultSeed } from '../../helpers/app.js'
import {
  type Account, exampleAccount, only, supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)
const seeded = await supplyApp(t, {
  seed: { ...defaultSeed, contributionSchemes: ['COMMUNITY_FUND'] }
})

const AGREEMENT = 'contribution_agreements.0'

function withContribution (change: Account = {}): Account {
  const account = exampleAccount()
  account.contribution_agreements = [{
    scheme: 'COMMUNITY_FUND',
    amount: '5.00',
    interval: 'MONTHLY',
    active_period_start_date: '2019-01-01',
    active_period_end_date: '2019-12-31',
    periods: [{ start_date: '2019-01-01', end_date: '2019-02-01' }],
    ...change
  }]
  return account
}

t.test('a contribution agreement on a seeded scheme is accepted',
  async t => {
    t.same((await validate(seeded, withContribution())).problems, [])
  })

t.test('a contribution scheme Kraken does not have is refused', async t => {
  t.same((await validate(app, withContribution())).problems, [{
    code: 'invalid_contribution_scheme', attr: `${AGREEMENT}.scheme`
  }])
})

const refused: Array<[string, Account, string, string]> = [
  ['an active period that ends before it starts',
    { active_period_end_date: '2018-12-31', periods: [] },
    'start_date_later_than_end_date', 'active_period_end_date'],
  ['a period that ends before it starts',
    { periods: [{ start_date: '2019-02-01', end_date: '2019-01-01' }] },
    'start_date_later_than_end_date', 'periods.0.end_date'],
  ['a period starting before the agreement',
    { periods: [{ start_date: '2018-12-01', end_date: '2019-01-01' }] },
    'invalid_contribution_period_start_date', 'periods.0.start_date'],
  ['a period ending after the agreement',
    { periods: [{ start_date: '2019-12-01', end_date: '2020-01-01' }] },
    'invalid_contribution_period_end_date', 'periods.0.end_date'],
  ['overlapping periods', {
    periods: [{ start_date: '2019-01-01', end_date: '2019-02-01' },
      { start_date: '2019-01-15', end_date: '2019-03-01' }]
  }, 'overlapping_contribution_periods', 'periods.1.start_date']
]

for (const [what, change, code, attr] of refused) {
  t.test(`a contribution agreement with ${what} is refused`, async t => {
    t.same((await validate(seeded, withContribution(change))).problems,
      [{ code, attr: `${AGREEMENT}.${attr}` }])
  })
}

t.test('two overlapping agreements on one scheme are refused', async t => {
  const account = withContribution()
  account.contribution_agreements.push({
    ...account.contribution_agreements[0],
    active_period_start_date: '2019-06-01',
    active_period_end_date: null,
    periods: []
  })
  t.same((await validate(seeded, account)).problems, [{
    code: 'overlapping_contribution_agreements',
    attr: 'contribution_agreements.1.active_period_start_date'
  }])
})

// Deposits engage account rules of their own (how many may be active), so
// only the interest date codes are compared.
function withDeposit (deposit: Account): Account {
  const account = exampleAccount()
  account.deposit_agreements = [{
    deposit_amount: '100.00', reason: 'Credit check', ...deposit
  }]
  return account
}

t.test('a last interest date on an unfulfilled deposit is refused',
  async t => {
    const account = withDeposit({ last_interest_date: '2019-01-01' })
    const code = 'last_interest_date_not_allowed'
    t.same(only(await validate(app, account), code), [{
      code, attr: 'deposit_agreements.0.last_interest_date'
    }])
  })

t.test('a deposit fulfilled after its last interest date is refused',
  async t => {
    const account = withDeposit({
      last_interest_date: '2019-01-01',
      fulfilled_at: '2019-02-01T10:00:00Z'
    })
    const code = 'fulfilled_at_greater_than_last_interest_date'
    t.same(only(await validate(app, account), code), [{
      code, attr: 'deposit_agreements.0.fulfilled_at'
    }])
  })
