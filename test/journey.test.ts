import { test } from 'tap'
import { buildTestApp, obtainToken } from './helpers/app.js'
import { exampleAccount } from './helpers/contract.js'

const STAGE = '/v1/data-import/account-import-process/create-or-update/'
const PROCESS = '/v1/data-import/account-import-process/process/'

test('migrates the contract example account end to end', async t => {
  const app = await buildTestApp(t)
  const token = await obtainToken(app)
  const headers = { authorization: `Token ${token}` }
  const account = exampleAccount()

  const first = await app.inject({
    method: 'POST', url: STAGE, headers, payload: account
  })
  t.equal(first.statusCode, 201)
  t.same(first.json(), {
    external_account_number: 'EXTERNAL-1234',
    import_supplier_code: 'TENTACLE_ENERGY'
  })

  const again = await app.inject({
    method: 'POST', url: STAGE, headers, payload: account
  })
  t.equal(again.statusCode, 200)

  const processed = await app.inject({
    method: 'POST',
    url: PROCESS,
    headers,
    payload: {
      import_supplier_code: 'TENTACLE_ENERGY',
      external_account_number: 'EXTERNAL-1234'
    }
  })
  t.equal(processed.statusCode, 201)
  const number = processed.json().kraken_account_number
  t.match(number, /^A-[0-9A-F]{8}$/)
  t.same(processed.json(), {
    external_account_number: 'EXTERNAL-1234',
    kraken_account_number: number,
    account_number: number
  })

  const status = await app.inject({
    method: 'GET',
    url: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/EXTERNAL-1234/',
    headers
  })
  t.equal(status.statusCode, 200)
  t.same(status.json(), {
    status: 'COMPLETED', account_number: number, kraken_account_number: number
  })
})

test('lists the imported account under imported, not pending', async t => {
  const app = await buildTestApp(t)
  const headers = { authorization: `Token ${await obtainToken(app)}` }
  const account = exampleAccount()
  await app.inject({ method: 'POST', url: STAGE, headers, payload: account })
  await app.inject({
    method: 'POST',
    url: STAGE,
    headers,
    payload: { ...account, external_account_number: 'EXTERNAL-5678' }
  })
  const before = await app.inject({
    method: 'GET',
    url: '/v1/data-import/pending-account-import-processes/TENTACLE_ENERGY/',
    headers
  })
  t.same(before.json(), [
    {
      external_account_number: 'EXTERNAL-1234',
      kraken_account_number: null,
      account_created_at: null
    },
    {
      external_account_number: 'EXTERNAL-5678',
      kraken_account_number: null,
      account_created_at: null
    }
  ])

  const at = '2026-06-01T09:00:00.000Z'
  app.clock.freeze(new Date(at))
  const processed = await app.inject({
    method: 'POST',
    url: PROCESS,
    headers,
    payload: {
      import_supplier_code: 'TENTACLE_ENERGY',
      external_account_number: 'EXTERNAL-1234'
    }
  })
  const number = processed.json().kraken_account_number

  const list = async (kind: string) => (await app.inject({
    method: 'GET',
    url: `/v1/data-import/${kind}-account-import-processes/TENTACLE_ENERGY/`,
    headers
  })).json()
  const imported = {
    external_account_number: 'EXTERNAL-1234',
    kraken_account_number: number,
    account_created_at: at
  }
  const pending = {
    external_account_number: 'EXTERNAL-5678',
    kraken_account_number: null,
    account_created_at: null
  }
  t.same(await list('imported'), [imported])
  t.same(await list('pending'), [pending])
  t.same(await list('all'), [imported, pending])
})

test('answers a second process with the already-imported shape', async t => {
  const app = await buildTestApp(t)
  const headers = { authorization: `Token ${await obtainToken(app)}` }
  await app.inject({
    method: 'POST', url: STAGE, headers, payload: exampleAccount()
  })
  const body = {
    import_supplier_code: 'TENTACLE_ENERGY',
    external_account_number: 'EXTERNAL-1234'
  }
  const first = await app.inject({
    method: 'POST', url: PROCESS, headers, payload: body
  })
  const number = first.json().kraken_account_number

  const second = await app.inject({
    method: 'POST', url: PROCESS, headers, payload: body
  })
  t.equal(second.statusCode, 400)
  t.same(Object.keys(second.json()),
    ['external_account_number', 'kraken_account_number', 'non_field_errors'])
  t.equal(second.json().external_account_number, 'EXTERNAL-1234')
  t.equal(second.json().kraken_account_number, number)
  t.equal(second.json().non_field_errors.length, 1)

  const restage = await app.inject({
    method: 'POST', url: STAGE, headers, payload: exampleAccount()
  })
  t.equal(restage.statusCode, 400)
  t.equal(restage.json().kraken_account_number, number)
})

test('refuses a landline that is not a phone number', async t => {
  const app = await buildTestApp(t)
  const headers = { authorization: `Token ${await obtainToken(app)}` }
  const account = exampleAccount()
  account.customers[0].landline = 'abcde'

  const res = await app.inject({
    method: 'POST', url: STAGE, headers, payload: account
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
  t.equal(app.store.counts().importProcesses, 0)
})

test('a paused supplier refuses staging', async t => {
  const app = await buildTestApp(t)
  const headers = { authorization: `Token ${await obtainToken(app)}` }
  for (const supplier of ['TENTACLE_PAUSED', 'TENTACLE_COMPLETE']) {
    const res = await app.inject({
      method: 'POST', url: STAGE, headers, payload: exampleAccount(supplier)
    })
    t.equal(res.statusCode, 400)
    t.same(res.json().errors, [{
      detail: `The migration for import supplier "${supplier}" is not ongoing.`,
      code: 'import_supplier_migration_not_ongoing',
      attr: 'non_field_errors'
    }])
  }
  t.equal(app.store.counts().importProcesses, 0)
})
