import t from 'tap'
import {
  ELEC, elec, exampleAccount, only, supplyApp, validate
} from './helpers.js'

const app = await supplyApp(t)

t.test('a refusal reason for a customer interested in smart is refused',
  async t => {
    const account = exampleAccount()
    elec(account).smart_refusal_interest.type = 'INTERESTED'
    t.same((await validate(app, account)).problems, [{
      code: 'smart_refusal_reason_given_for_interest',
      attr: `${ELEC}.smart_refusal_interest.refusal_reason`
    }])
  })

// FiT and company details belong to business accounts, which account
// rules check; only the codes here are compared.
t.test('FiT payments by BACS need an instruction reference', async t => {
  const account = exampleAccount()
  account.fit = {
    payment_method: 'BACS',
    vendor_name: 'STRIPE',
    installations: [{ fit_id: 'FIT-1' }],
    meters: [{
      serial_number: 'GEN-1',
      type: 'GENERATION',
      extensions: ['EXT-1'],
      last_billed_to_date: '2019-08-01',
      transfer_reading: { reading_date: '2019-08-01', reading_value: '10' }
    }]
  }
  const code = 'payment_instruction_details_incomplete'
  t.same(only(await validate(app, account), code), [{
    code, attr: 'fit.instruction_reference'
  }])
})

t.test('a company number that Companies House could not issue is refused',
  async t => {
    const account = exampleAccount()
    account.company_number = 'XY123456'
    const code = 'invalid_company_number'
    t.same(only(await validate(app, account), code), [{
      code, attr: 'company_number'
    }])
  })

t.test('a payment instruction on an unknown ledger is refused', async t => {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/data-import/payment-instruction/create/',
    headers: { authorization: 'Token test-api-key' },
    payload: {
      external_account_number: 'EXTERNAL-1234',
      import_supplier: 'TENTACLE_ENERGY',
      type: 'DIRECT_DEBIT',
      vendor: 'STRIPE',
      reference: 'MANDATE-1',
      ledger_code: 'NOPE'
    }
  })
  t.equal(res.statusCode, 400)
  t.same(res.json().errors.map((e: { code: string, attr: string }) =>
    ({ code: e.code, attr: e.attr })), [{
    code: 'ledger_code_does_not_exist', attr: 'ledger_code'
  }])
})
