import t from 'tap'
import { type Account, exampleAccount, supplyApp, validate } from './helpers.js'

const app = await supplyApp(t)
const CHARGE = 'current_statement_transactions.0'

// A month of electricity charged before migration, on the product of the
// example's electricity agreement.
function withCharge (change: Account = {},
  line: Account = {}): Account {
  const account = exampleAccount()
  account.current_statement_transactions = [{
    type: 'SUPPLY_CHARGE',
    transaction_id: 'S-1',
    transaction_date: '2019-09-01',
    amount: '12.60',
    product_code: 'ELEC-1234',
    line_items: [{
      start_date: '2019-08-01',
      end_date: '2019-08-31',
      net_amount: '12.00',
      number_of_units: '80',
      ...line
    }],
    tax_items: [{
      amount: '0.60',
      rate: '0.05',
      tax_type: 'VAT',
      unit_type: 'PROPORTION',
      value_taxed: '12.00'
    }],
    ...change
  }]
  return account
}

t.test('a supply charge inside an agreement on its product is accepted',
  async t => {
    t.same((await validate(app, withCharge())).problems, [])
  })

t.test('a charge amount that is not its items\' total is refused',
  async t => {
    t.same((await validate(app, withCharge({ amount: '12.61' }))).problems, [{
      code: 'ledger_transaction_amount_does_not_match_with_line_item_net_' +
        'amount_and_tax_amount',
      attr: `${CHARGE}.amount`
    }])
  })

t.test('a rate specification code needs the supply point', async t => {
  const account = withCharge({}, { rate_specification_code: 'STANDARD' })
  t.same((await validate(app, account)).problems, [{
    code: 'supply_point_identifier_required_for_rate_specification_code',
    attr: `${CHARGE}.supply_point_identifier`
  }])
})

t.test('a charge on a product Kraken does not have is refused', async t => {
  const result = await validate(app, withCharge({ product_code: 'NOPE' }))
  // No agreement can be on a product that does not exist either.
  t.same(result.problems, [
    {
      code: 'supply_charge_line_items_not_covered_by_single_agreement',
      attr: `${CHARGE}.line_items`
    },
    { code: 'product_code_does_not_exist', attr: `${CHARGE}.product_code` }
  ])
})

t.test('a charge dated after today is refused', async t => {
  const account = withCharge({ transaction_date: '2099-01-01' })
  t.same((await validate(app, account)).problems, [{
    code: 'transaction_in_future', attr: `${CHARGE}.transaction_date`
  }])
})

t.test('a charge for days before the agreement is refused', async t => {
  const account = withCharge({}, { start_date: '2019-07-01' })
  t.same((await validate(app, account)).problems, [{
    code: 'supply_charge_line_items_not_covered_by_single_agreement',
    attr: `${CHARGE}.line_items`
  }])
})
