import { test } from 'tap'
import {
  buildMockApp, control, KRAKEN_HEADERS, PROCESS, processAccount, stage,
  transferStatus
} from './helpers.js'

const PAYMENT = '/v1/data-import/payment-instruction/create/'
const payment = {
  import_supplier: 'TENTACLE_ENERGY',
  external_account_number: 'EXTERNAL-1234',
  vendor: 'STRIPE',
  reference: 'THIS-IS-A-FAKE-REFERENCE',
  type: 'CARD'
}

test('an injected 429 answers the next process call, then clears',
  async t => {
    const app = await buildMockApp(t)
    await stage(app)
    const added = await control(app, 'POST', '/faults',
      { route: PROCESS, kind: 'concurrency_limit' })
    t.equal(added.statusCode, 201)
    t.strictSame(added.json(), {
      id: 'fault-1',
      route: PROCESS,
      method: null,
      kind: 'concurrency_limit',
      latencyMs: null,
      remaining: 1,
      probability: 1,
      fired: 0
    })

    const refused = await processAccount(app)
    t.equal(refused.statusCode, 429)
    t.strictSame(refused.json(), {
      detail: 'Too many accounts are being processed at once. Retry once ' +
        'other accounts have finished processing.',
      code: 'throttled'
    })
    t.strictSame((await control(app, 'GET', '/faults')).json(), {
      faults: [],
      processConcurrency: { limit: 0, inFlight: 0 }
    })
    t.equal((await processAccount(app)).statusCode, 201)
    t.strictSame(app.journal.list({ path: PROCESS }).map(e =>
      [e.status, e.faults]), [[429, ['concurrency_limit']], [201, []]])
  })

test('payment faults answer the contract\'s 500 and 400 shapes', async t => {
  const app = await buildMockApp(t)
  await control(app, 'POST', '/faults',
    { route: PAYMENT, kind: 'payment_retryable' })
  await control(app, 'POST', '/faults',
    { route: PAYMENT, kind: 'payment_do_not_retry' })
  const send = async () => await app.inject({
    method: 'POST', url: PAYMENT, headers: KRAKEN_HEADERS, payload: payment
  })
  const echoed = {
    external_account_number: 'EXTERNAL-1234',
    import_supplier: 'TENTACLE_ENERGY',
    reference: 'THIS-IS-A-FAKE-REFERENCE'
  }

  const retryable = await send()
  t.equal(retryable.statusCode, 500)
  t.strictSame(retryable.json(), {
    error_detail: 'The payment vendor could not be reached. Retry the ' +
      'request as it is.',
    ...echoed
  })
  const final = await send()
  t.equal(final.statusCode, 400)
  t.strictSame(final.json(), {
    error_detail: 'The payment vendor kept failing to confirm the ' +
      'instruction. Do not retry the request as it is.',
    ...echoed
  })
})

test('a GraphQL fault answers KT-CT-1199', async t => {
  const app = await buildMockApp(t)
  await control(app, 'POST', '/faults',
    { route: '/v1/graphql/', kind: 'graphql_too_many_requests' })
  const res = await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: { query: '{ mockVersion }' }
  })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), {
    data: null,
    errors: [{
      message: 'Too many requests.',
      extensions: {
        errorType: 'TOO_MANY_REQUESTS',
        errorCode: 'KT-CT-1199',
        errorDescription: 'Too many requests were made. Wait, then try again.'
      }
    }]
  })
})

test('latency delays the answer without changing it', async t => {
  const app = await buildMockApp(t)
  await control(app, 'POST', '/faults', {
    route: '/v1/data-import/account-transfer-status/{import_supplier_code}/' +
      '{external_account_number}/',
    kind: 'latency',
    latencyMs: 150
  })
  const started = performance.now()
  const res = await app.inject({
    method: 'GET', url: transferStatus('X'), headers: KRAKEN_HEADERS
  })
  t.ok(performance.now() - started >= 145)
  t.equal(res.statusCode, 404)
  t.strictSame(app.journal.list()[0]?.faults, ['latency'])
})

test('a dropped connection gets no answer and is journaled without status',
  async t => {
    const app = await buildMockApp(t)
    await control(app, 'POST', '/faults',
      { route: '/v1/*', kind: 'drop_connection', method: 'GET' })
    await t.rejects(app.inject({
      method: 'GET', url: transferStatus('X'), headers: KRAKEN_HEADERS
    }), { code: 'LIGHT_ECONNRESET' })
    const [entry] = app.journal.list()
    t.equal(entry?.status, null)
    t.strictSame(entry?.faults, ['drop_connection'])
  })

test('a dropped connection closes a real socket', async t => {
  const app = await buildMockApp(t)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null
    ? address.port
    : 0
  await control(app, 'POST', '/faults',
    { route: '/v1/*', kind: 'drop_connection' })
  await t.rejects(fetch(`http://127.0.0.1:${port}${transferStatus('X')}`,
    { headers: KRAKEN_HEADERS }))
  const after = await fetch(`http://127.0.0.1:${port}${transferStatus('X')}`,
    { headers: KRAKEN_HEADERS })
  t.equal(after.status, 404)
})
