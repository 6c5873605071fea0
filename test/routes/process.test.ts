import type { FastifyInstance } from 'fastify'
import { test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'

const STAGE = '/v1/data-import/account-import-process/create-or-update/'
const PROCESS = '/v1/data-import/account-import-process/process/'
const headers = { authorization: 'Token test-api-key' }

async function stage (app: FastifyInstance, supplier: string): Promise<void> {
  const res = await app.inject({
    method: 'POST', url: STAGE, headers, payload: exampleAccount(supplier)
  })
  if (res.statusCode !== 201) throw new Error(res.body)
}

async function processErrors (app: FastifyInstance,
  payload: Record<string, unknown>): Promise<unknown> {
  const res = await app.inject({ method: 'POST', url: PROCESS, headers, payload })
  if (res.statusCode !== 400) throw new Error(`${res.statusCode} ${res.body}`)
  const body = res.json()
  if (body.code !== 'import_process_failed_validation') {
    throw new Error(res.body)
  }
  return body.errors.map((e: { code: string, attr: string }) =>
    ({ code: e.code, attr: e.attr }))
}

test('processing an account that was never staged is refused', async t => {
  const app = await buildTestApp(t)
  t.same(await processErrors(app, {
    import_supplier_code: 'TENTACLE_ENERGY', external_account_number: 'NEVER'
  }), [{ code: 'import_process_does_not_exist', attr: 'non_field_errors' }])
})

test('an auto-allocating supplier refuses a named operations team',
  async t => {
    const app = await buildTestApp(t)
    await stage(app, 'TENTACLE_ENERGY')
    t.same(await processErrors(app, {
      import_supplier_code: 'TENTACLE_ENERGY',
      external_account_number: 'EXTERNAL-1234',
      operations_team_name: 'Collections'
    }), [{
      code: 'operations_team_provided_when_using_auto_allocation',
      attr: 'non_field_errors'
    }])
  })

test('a supplier without auto-allocation needs a known team', async t => {
  const app = await buildTestApp(t)
  await stage(app, 'TENTACLE_MANUAL')
  const base = {
    import_supplier_code: 'TENTACLE_MANUAL',
    external_account_number: 'EXTERNAL-1234'
  }
  t.same(await processErrors(app, base), [{
    code: 'operations_team_should_be_provided', attr: 'non_field_errors'
  }])
  t.same(await processErrors(app, { ...base, operations_team_name: 'Nobody' }),
    [{ code: 'operations_team_name_does_not_exist', attr: 'operations_team_name' }])

  const res = await app.inject({
    method: 'POST',
    url: PROCESS,
    headers,
    payload: { ...base, operations_team_name: 'Collections' }
  })
  t.equal(res.statusCode, 201)
})

test('a dry run answers Kraken\'s 400 and creates nothing', async t => {
  const app = await buildTestApp(t)
  await stage(app, 'TENTACLE_ENERGY')
  const res = await app.inject({
    method: 'POST',
    url: PROCESS,
    headers,
    payload: {
      import_supplier_code: 'TENTACLE_ENERGY',
      external_account_number: 'EXTERNAL-1234',
      dry_run: true
    }
  })
  t.equal(res.statusCode, 400)
  t.same(Object.keys(res.json()), ['detail', 'code'])
  t.equal(res.json().code, '400')
  t.equal(app.store.counts().accounts, 0)
  const list = await app.inject({
    method: 'GET',
    url: '/v1/data-import/pending-account-import-processes/TENTACLE_ENERGY/',
    headers
  })
  t.equal(list.json().length, 1)
})

test('an unknown supplier code is a field error, not a crash', async t => {
  const app = await buildTestApp(t)
  t.same(await processErrors(app, {
    import_supplier_code: 'NO_SUCH_SUPPLIER', external_account_number: 'X'
  }), [{ code: 'does_not_exist', attr: 'import_supplier_code' }])
})

test('a paused supplier refuses processing', async t => {
  const app = await buildTestApp(t)
  t.same(await processErrors(app, {
    import_supplier_code: 'TENTACLE_PAUSED', external_account_number: 'X'
  }), [{ code: 'import_supplier_migration_not_ongoing', attr: 'non_field_errors' }])
})

test('transfer status of a staged account is UNKNOWN with no number',
  async t => {
    const app = await buildTestApp(t)
    await stage(app, 'TENTACLE_ENERGY')
    const res = await app.inject({
      method: 'GET',
      url: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/' +
        'EXTERNAL-1234/',
      headers
    })
    t.same(res.json(), {
      status: 'UNKNOWN', account_number: '', kraken_account_number: ''
    })
    const missing = await app.inject({
      method: 'GET',
      url: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/NOPE/',
      headers
    })
    t.equal(missing.statusCode, 404)
    t.same(Object.keys(missing.json()), ['detail'])
  })

test('a list for an unknown supplier is a 404', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'GET',
    url: '/v1/data-import/all-account-import-processes/NOPE/',
    headers
  })
  t.equal(res.statusCode, 404)
  t.same(res.json(), { detail: 'Not found.', code: 'not_found' })
})

test('supplier codes with spaces work when escaped in the path', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'GET',
    url: '/v1/data-import/all-account-import-processes/EDF%20_DEENERGISED/',
    headers
  })
  t.equal(res.statusCode, 200)
  t.same(res.json(), [])
})
