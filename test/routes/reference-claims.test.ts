import { test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'

const headers = { authorization: 'Token test-api-key' }

test('an imported account\'s reference cannot be used by another account',
  async t => {
    const app = await buildTestApp(t)
    const first = exampleAccount()
    first.debts[0].cais_reference = 'CAIS-1'
    await app.inject({
      method: 'POST',
      url: '/v1/data-import/account-import-process/create-or-update/',
      headers,
      payload: first
    })
    const processed = await app.inject({
      method: 'POST',
      url: '/v1/data-import/account-import-process/process/',
      headers,
      payload: {
        import_supplier_code: 'TENTACLE_ENERGY',
        external_account_number: 'EXTERNAL-1234'
      }
    })
    t.equal(processed.statusCode, 201)

    const second = { ...first, external_account_number: 'EXTERNAL-5678' }
    const res = await app.inject({
      method: 'POST',
      url: '/v1/data-import/validate-account/',
      headers,
      payload: second
    })
    t.equal(res.statusCode, 400)
    t.same(res.json().errors.map((e: { code: string, attr: string }) =>
      `${e.attr}:${e.code}`).sort(), [
      'debts.0.cais_reference:cais_reference_already_in_use_on_another_account',
      'references.0.non_field_errors:reference_already_exists'
    ])

    const fresh = exampleAccount()
    fresh.external_account_number = 'EXTERNAL-9999'
    fresh.references[0].value = 'another-value'
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/data-import/validate-account/',
      headers,
      payload: fresh
    })
    t.equal(ok.statusCode, 200)
  })
