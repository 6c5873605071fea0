import { test } from 'tap'
import { buildTestApp } from '../helpers/app.js'

const V1 = '/v1/data-import/validate-account/'
const headers = { authorization: 'Token test-api-key' }

test('values DRF would convert are accepted and returned converted',
  async t => {
    const app = await buildTestApp(t)
    const res = await app.inject({
      method: 'POST',
      url: V1,
      headers,
      payload: {
        import_supplier: 'TENTACLE_ENERGY',
        billing_name: 5,
        smart_read_cycle_day: '10',
        customers: [{
          given_name: 12.5,
          customer_preferences: { opted_into_sms: 'yes', opted_into_offers: 0 }
        }]
      }
    })
    t.equal(res.statusCode, 200)
    t.same(res.json(), {
      import_supplier: 'TENTACLE_ENERGY',
      billing_name: '5',
      smart_read_cycle_day: 10,
      customers: [{
        given_name: '12.5',
        customer_preferences: { opted_into_sms: true, opted_into_offers: false }
      }]
    })
  })

test('values DRF refuses stay refused with its codes', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: V1,
    headers,
    payload: {
      import_supplier: 'TENTACLE_ENERGY',
      billing_name: true,
      smart_read_cycle_day: '10.5',
      account_type: 1,
      customers: [{ customer_preferences: { opted_into_sms: 'maybe' } }]
    }
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
