import { test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'

const V1 = '/v1/data-import/validate-account/'
const headers = { authorization: 'Token test-api-key' }

test('values DRF would convert are accepted and returned converted',
  async t => {
    const app = await buildTestApp(t)
    const account = exampleAccount()
    account.billing_name = 5
    account.smart_read_cycle_day = '10'
    account.customers[0].given_name = 12.5
    account.customers[0].customer_preferences.opted_into_sms = 'yes'
    account.customers[0].customer_preferences.opted_into_offers = 0
    const res = await app.inject({
      method: 'POST', url: V1, headers, payload: account
    })
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.equal(body.billing_name, '5')
    t.equal(body.smart_read_cycle_day, 10)
    t.equal(body.customers[0].given_name, '12.5')
    t.equal(body.customers[0].customer_preferences.opted_into_sms, true)
    t.equal(body.customers[0].customer_preferences.opted_into_offers, false)
  })

test('values DRF refuses stay refused with its codes', async t => {
  const app = await buildTestApp(t)
  const account = exampleAccount()
  account.billing_name = true
  account.smart_read_cycle_day = '10.5'
  account.account_type = 1
  account.customers[0].customer_preferences.opted_into_sms = 'maybe'
  const res = await app.inject({
    method: 'POST', url: V1, headers, payload: account
  })
  t.equal(res.statusCode, 400)
  const found = res.json().errors.map((e: { attr: string, code: string }) =>
    `${e.attr}:${e.code}`).sort()
  t.same(found, [
    'account_type:invalid_choice',
    'billing_name:invalid',
    'customers.0.customer_preferences.opted_into_sms:invalid',
    'smart_read_cycle_day:invalid'
  ])
})
