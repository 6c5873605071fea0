import { test } from 'tap'
import { accountWith, appWith, exampleAccount, problemsOf } from './helpers.js'

test('a billing address is given in one style only', async t => {
  const app = await appWith(t)
  const account: Record<string, any> = {
    ...exampleAccount(),
    billing_address: {
      country: 'GB', street_address: '123 Fake Street', postal_code: 'W1F 9DE'
    }
  }
  t.same(await problemsOf(app, account), [{
    code: 'billing_address_new_style_and_legacy', attr: 'non_field_errors'
  }])
})

test('legacy billing address lines fill in order', async t => {
  const app = await appWith(t)
  const account = accountWith({ billing_address3: 'Soho' })
  t.same(await problemsOf(app, account), [{
    code: 'invalid_address', attr: 'non_field_errors'
  }])
})

test('an account that is not an occupier\'s needs a billing address',
  async t => {
    const app = await appWith(t)
    const account = exampleAccount()
    delete account.billing_address1
    t.same(await problemsOf(app, account), [{
      code: 'billing_address_not_provided', attr: 'non_field_errors'
    }])
    account.account_type = 'DOMESTIC_OCCUPIER'
    delete account.billing_postcode
    t.same(await problemsOf(app, account), [])
  })

test('the billing postcode is a UK postcode, in any case or spacing',
  async t => {
    const app = await appWith(t)
    const account = accountWith({ billing_postcode: 'w1f9de' })
    t.same(await problemsOf(app, account), [])
    for (const postcode of ['W1F 9D', 'QQ1 1AA', '12345']) {
      account.billing_postcode = postcode
      t.same(await problemsOf(app, account), [{
        code: 'invalid_postcode', attr: 'billing_postcode'
      }], postcode)
    }
  })

test('a billing delivery point identifier is capitals and digits',
  async t => {
    const app = await appWith(t)
    const account: Record<string, any> = {
      ...exampleAccount(), billing_delivery_point_identifier: '1a'
    }
    t.same(await problemsOf(app, account), [{
      code: 'invalid_delivery_point_identifier',
      attr: 'billing_delivery_point_identifier'
    }])
  })

test('a billing email is neither a blackhole nor an internal address',
  async t => {
    const app = await appWith(t)
    const cases: Array<[string, string]> = [
      ['bills+blackhole+7@jablonski.com', 'billing_email_not_valid'],
      ['billing@tentacle.example', 'internal_email_address']
    ]
    for (const [email, code] of cases) {
      const account = accountWith({ billing_email: email })
      t.same(await problemsOf(app, account),
        [{ code, attr: 'billing_email' }], email)
    }
  })
