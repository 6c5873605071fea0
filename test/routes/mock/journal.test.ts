import { test } from 'tap'
import { buildTestApp, obtainToken } from '../../helpers/app.js'
import { exampleAccount } from '../../helpers/contract.js'
import {
  buildMockApp, control, EXAMPLE_TIME, KRAKEN_HEADERS, PROCESS,
  processAccount, stage, STAGE, transferStatus
} from './helpers.js'

test('the journal shows each Kraken request and how it was answered',
  async t => {
    const app = await buildMockApp(t)
    await stage(app, 'EXT-1')
    await processAccount(app, 'EXT-1')
    await processAccount(app, 'NEVER-STAGED')

    const res = await control(app, 'GET', '/journal')
    t.equal(res.statusCode, 200)
    const { entries, ...stats } = res.json()
    t.strictSame(stats, { capacity: 1000, size: 3, evicted: 0 })
    t.strictSame(entries.map((e: Record<string, unknown>) => {
      const { requestId, durationMs, ...rest } = e
      t.type(requestId, 'string')
      t.type(durationMs, 'number')
      return rest
    }), [{
      sequence: 1,
      at: EXAMPLE_TIME,
      method: 'POST',
      path: STAGE,
      route: STAGE,
      operation: null,
      supplier: 'TENTACLE_ENERGY',
      externalAccountNumber: 'EXT-1',
      status: 201,
      code: null,
      errors: [],
      warnings: ['ledgers'],
      faults: []
    }, {
      sequence: 2,
      at: EXAMPLE_TIME,
      method: 'POST',
      path: PROCESS,
      route: PROCESS,
      operation: null,
      supplier: 'TENTACLE_ENERGY',
      externalAccountNumber: 'EXT-1',
      status: 201,
      code: null,
      errors: [],
      warnings: [],
      faults: []
    }, {
      sequence: 3,
      at: EXAMPLE_TIME,
      method: 'POST',
      path: PROCESS,
      route: PROCESS,
      operation: null,
      supplier: 'TENTACLE_ENERGY',
      externalAccountNumber: 'NEVER-STAGED',
      status: 400,
      code: 'import_process_failed_validation',
      errors: [{
        code: 'import_process_does_not_exist', attr: 'non_field_errors'
      }],
      warnings: [],
      faults: []
    }])
  })

test('field errors are journaled with their codes and attrs', async t => {
  const app = await buildMockApp(t)
  const account = exampleAccount()
  account.customers[0].landline = 'abcde'
  await app.inject({
    method: 'POST',
    url: '/v1/data-import/validate-account/',
    headers: KRAKEN_HEADERS,
    payload: account
  })
  const [entry] = app.journal.list()
  t.equal(entry?.code, 'account_failed_validation')
  t.strictSame(entry?.errors,
    [{ code: 'invalid_phone_number', attr: 'customers.0.landline' }])
})

test('the journal never holds a credential', async t => {
  const app = await buildTestApp(t)
  const jwt = await obtainToken(app)
  await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: {
      query: 'mutation { obtainKrakenToken(input: ' +
        '{APIKey: "test-api-key"}) { token } }'
    }
  })
  await app.inject({
    method: 'GET', url: transferStatus('X'), headers: { authorization: jwt }
  })
  await app.inject({
    method: 'GET',
    url: transferStatus('X'),
    headers: { authorization: 'Token wrong-but-secret' }
  })

  const text = JSON.stringify(app.journal.list())
  for (const secret of [jwt, 'test-api-key', 'wrong-but-secret']) {
    t.notOk(text.includes(secret), `no ${secret.slice(0, 12)} in the journal`)
  }
  const [graphql] = app.journal.list({ path: '/v1/graphql/' })
  t.equal(graphql?.operation, 'obtainKrakenToken')
  t.equal(graphql?.status, 200)
  const [, refused] = app.journal.list({ path: transferStatus('X') })
  t.equal(refused?.status, 401)
  t.equal(refused?.code, 'authentication_failed')
})

test('GraphQL failures are journaled with Kraken\'s error code', async t => {
  const app = await buildTestApp(t)
  await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: {
      query: 'mutation ($k: String!) { token: obtainKrakenToken(input: ' +
        '{APIKey: $k}) { token } }',
      variables: { k: 'a-wrong-key' }
    }
  })
  const [entry] = app.journal.list()
  t.equal(entry?.operation, 'obtainKrakenToken')
  t.strictSame(entry?.errors, [{ code: 'KT-CT-1139', attr: 'input.APIKey' }])
  t.notOk(JSON.stringify(entry).includes('a-wrong-key'))
})

test('unknown Kraken-like paths are journaled too, so typos show', async t => {
  const app = await buildTestApp(t)
  await app.inject({
    method: 'POST',
    url: '/v1/data-import/validate-acount/',
    headers: KRAKEN_HEADERS
  })
  const [entry] = app.journal.list()
  t.equal(entry?.status, 404)
  t.equal(entry?.route, null)
  t.equal(entry?.code, 'not_found')
})

test('a Kraken-like path that is not percent-encoding is journaled as unknown', async t => {
  const app = await buildTestApp(t)
  // Fastify answers these before routing, where no hook runs.
  const res = await app.inject({
    method: 'GET', url: '/v1/%E0%A4%A', headers: { 'x-request-id': 'r-bad' }
  })
  t.equal(res.statusCode, 404)
  await app.inject({ method: 'GET', url: '/%E0%A4%A' })
  const entries = app.journal.list()
  t.equal(entries.length, 1)
  const { at, durationMs, ...rest } = entries[0] ?? {}
  t.match(at, /^\d{4}-\d{2}-\d{2}T/)
  t.type(durationMs, 'number')
  t.strictSame(rest, {
    sequence: 1,
    requestId: 'r-bad',
    method: 'GET',
    path: '/v1/%E0%A4%A',
    route: null,
    operation: null,
    supplier: null,
    externalAccountNumber: null,
    status: 404,
    code: 'not_found',
    errors: [],
    warnings: [],
    faults: []
  })
})
