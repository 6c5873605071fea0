import { test } from 'tap'
import { nestFieldErrors } from '../../../src/plugins/errors.js'
import { buildTestApp } from '../../helpers/app.js'
import { exampleAccount, exampleSchedule } from '../../helpers/contract.js'

const headers = { authorization: 'Token test-api-key' }

test('nested style answers v2 validation in the contract example\'s shape',
  async t => {
    const app = await buildTestApp(t, { env: { MOCK_ERROR_STYLE: 'nested' } })
    const account = exampleAccount()
    account.customers[0].landline = 'abcde'
    const res = await app.inject({
      method: 'POST',
      url: '/v2/data-import/accounts/validate/',
      headers,
      payload: { payload: account }
    })
    t.equal(res.statusCode, 400)
    const message = '"abcde" is not a recognised phone number.'
    t.strictSame(res.json(), {
      customers: { 0: { landline: [message] } }
    })
  })

test('nested style keeps task parameter errors under their own key',
  async t => {
    const app = await buildTestApp(t, { env: { MOCK_ERROR_STYLE: 'nested' } })
    const res = await app.inject({
      method: 'POST',
      url: '/v2/data-import/accounts/',
      headers,
      payload: exampleSchedule({ schedule_window_start: '2000-01-01T00:00Z' })
    })
    t.equal(res.statusCode, 400)
    t.strictSame(res.json(), {
      task_params: {
        schedule_window_start: [
          'The schedule window cannot start in the past.'
        ]
      }
    })
  })

test('nested style leaves bodies other than validation envelopes alone',
  async t => {
    const app = await buildTestApp(t, { env: { MOCK_ERROR_STYLE: 'nested' } })
    const res = await app.inject({
      method: 'GET',
      url: '/v2/data-import/accounts/TENTACLE_ENERGY/NOBODY/',
      headers
    })
    t.equal(res.statusCode, 404)
    t.equal(res.json().code, 'not_found')
  })

test('field errors nest by path, with indexes as keys and message lists',
  async t => {
    t.strictSame(nestFieldErrors([
      { detail: 'a', code: 'x', attr: 'customers.0.landline' },
      { detail: 'b', code: 'x', attr: 'customers.0.landline' },
      { detail: 'c', code: 'x', attr: 'customers.1.email' },
      { detail: 'd', code: 'x', attr: 'non_field_errors' },
      { detail: 'e', code: 'x', attr: 'billing_address' },
      { detail: 'f', code: 'x', attr: 'billing_address.postcode' }
    ]), {
      customers: { 0: { landline: ['a', 'b'] }, 1: { email: ['c'] } },
      non_field_errors: ['d'],
      billing_address: { postcode: ['f'], non_field_errors: ['e'] }
    })
  })

test('the standard style stays the default', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: '/v2/data-import/accounts/validate/',
    headers,
    payload: {}
  })
  t.strictSame(res.json(), {
    detail: 'Could not validate account data.',
    code: 'account_failed_validation',
    errors: [{
      detail: 'This field is required.', code: 'required', attr: 'payload'
    }]
  })
})
