import { test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'

const V1 = '/v1/data-import/validate-account/'
const V2 = '/v2/data-import/accounts/validate/'
const headers = { authorization: 'Token test-api-key' }

test('v1 validate returns the validated contract example', async t => {
  const app = await buildTestApp(t)
  const account = exampleAccount()
  const res = await app.inject({
    method: 'POST', url: V1, headers, payload: account
  })
  t.equal(res.statusCode, 200)
  // The published example carries `ledgers`, which its own schema does
  // not document: Kraken ignores it, the mock drops it and says so.
  t.equal(res.headers['x-mock-undocumented-fields'], 'ledgers')
  const { ledgers, ...documented } = account
  t.ok(ledgers)
  t.same(res.json(), documented)
})

test('undocumented fields are refused when configured so', async t => {
  const app = await buildTestApp(t, {
    env: { MOCK_UNDOCUMENTED_FIELDS: 'reject' }
  })
  const res = await app.inject({
    method: 'POST',
    url: V1,
    headers,
    payload: { import_supplier: 'TENTACLE_ENERGY', customers: [{ nick: 'x' }] }
  })
  t.equal(res.statusCode, 400)
  t.same(res.json().errors, [{
    detail: 'This field is not part of the documented payload.',
    code: 'undocumented_field',
    attr: 'customers.0.nick'
  }])
})

test('v2 validate accepts the example inside its payload wrapper',
  async t => {
    const app = await buildTestApp(t)
    const res = await app.inject({
      method: 'POST', url: V2, headers, payload: { payload: exampleAccount() }
    })
    t.equal(res.statusCode, 200)
    t.equal(res.body, '')
    t.equal(res.headers['x-mock-undocumented-fields'], 'ledgers')
  })

test('v2 reports account errors relative to the payload', async t => {
  const app = await buildTestApp(t)
  const account = exampleAccount()
  account.customers[0].landline = 'abcde'
  const res = await app.inject({
    method: 'POST', url: V2, headers, payload: { payload: account }
  })
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    detail: 'Could not validate account data.',
    code: 'account_failed_validation',
    errors: [{
      detail: '"abcde" is not a recognised phone number.',
      code: 'invalid_phone_number',
      attr: 'customers.0.landline'
    }]
  })
})

test('v2 without a payload says the payload is required', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST', url: V2, headers, payload: exampleAccount()
  })
  t.equal(res.statusCode, 400)
  t.same(res.json().errors, [{
    detail: 'This field is required.', code: 'required', attr: 'payload'
  }])
})

test('field errors from several places are reported together', async t => {
  const app = await buildTestApp(t)
  const account = exampleAccount()
  delete account.supply_addresses[0].meter_points[0].identifier
  account.customers[0].mobile = '999'
  account.transfer_balance = ''
  account.account_type = 'HOUSEBOAT'
  const res = await app.inject({
    method: 'POST', url: V1, headers, payload: account
  })
  t.equal(res.statusCode, 400)
  const found = res.json().errors.map((e: { code: string, attr: string }) =>
    `${e.attr}:${e.code}`).sort()
  t.same(found, [
    'account_type:invalid_choice',
    'customers.0.mobile:invalid_phone_number',
    'supply_addresses.0.meter_points.0.identifier:required',
    'transfer_balance:invalid'
  ])
})
