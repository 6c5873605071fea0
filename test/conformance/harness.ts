import type { FastifyInstance, HTTPMethods } from 'fastify'
import { buildApp, warmUp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { fromRoot } from '../../src/lib/paths.js'
import { loadSeed } from '../../src/seed/load-seed.js'
import {
  exampleAccount, type Operation, operations
} from '../helpers/contract.js'
import { errorProbes } from './error-probes.js'
import {
  ACCOUNT, type Given, happyProbes, type Probe, SUPPLIER, urlOf
} from './probes.js'
import { checkResponse, type Verdict } from './responses.js'

// Drives the mock through every operation of the contract and records what
// it answered. The conformance tests assert on the records; the fidelity
// report prints them.

// Post-import endpoints another part of the project is building. Listed
// here, an operation without a route is reported as not served instead of
// failing; once its route exists it is covered like the others, listed or
// not. An operation missing a route and not listed fails.
export const NOT_SERVED_YET: ReadonlySet<string> = new Set([
  'V1 Create Account Notes',
  'V1 Create Transactions',
  'V1 Create Historical Statements',
  'V1 Create Payment Instruction',
  'V1 Send Registration Flows',
  'V1 Get Meter Point Statuses For Account'
])

export const HEADERS = { authorization: 'Token test-api-key' }

export interface Exchange {
  probe: Probe
  status: number
  verdict: Verdict
}

export interface OperationReport {
  op: Operation
  served: boolean
  // The unauthenticated request, answered before anything else.
  auth: { status: number, body: unknown }
  exchanges: Exchange[]
  // Statuses the contract declares that no probe reached.
  unexercised: string[]
}

export async function buildConformanceApp (): Promise<FastifyInstance> {
  const app = await buildApp({
    config: loadConfig({ MOCK_JWT_SECRET: 'conformance-secret-0123' }),
    seed: loadSeed(fromRoot('seed', 'default.json')),
    logger: false
  })
  warmUp(app)
  return app
}

async function send (app: FastifyInstance, method: string, url: string,
  body: unknown) {
  return await app.inject({
    method: method as HTTPMethods,
    url,
    headers: HEADERS,
    ...(body === undefined ? {} : { payload: body as object })
  })
}

async function must (app: FastifyInstance, url: string, body: unknown,
  status: number): Promise<void> {
  const res = await send(app, 'POST', url, body)
  if (res.statusCode !== status) {
    throw new Error(`setting up: ${url} answered ${res.statusCode} ${res.body}`)
  }
}

// Puts the example account in the state a probe starts from.
async function arrange (app: FastifyInstance, given: Given): Promise<void> {
  app.store.reset()
  if (given === 'nothing') return
  if (given === 'scheduled') {
    await must(app, '/v2/data-import/accounts/',
      { payload: exampleAccount(), task_params: {} }, 201)
    return
  }
  await must(app, '/v1/data-import/account-import-process/create-or-update/',
    exampleAccount(), 201)
  if (given === 'imported') {
    await must(app, '/v1/data-import/account-import-process/process/',
      { import_supplier_code: SUPPLIER, external_account_number: ACCOUNT }, 201)
  }
}

export async function checkOperation (app: FastifyInstance, op: Operation):
Promise<OperationReport> {
  // Authentication runs before routing can reveal anything, so a served
  // route answers an anonymous request 401 and an unserved one 404.
  const anonymous = await app.inject({
    method: op.method as HTTPMethods, url: urlOf(op)
  })
  const auth = {
    status: anonymous.statusCode,
    body: anonymous.body === '' ? null : anonymous.json()
  }
  const route = op.path.replace(/\{(\w+)\}/g, ':$1')
  const served = anonymous.statusCode === 401 ||
    app.hasRoute({ method: op.method as HTTPMethods, url: route })
  const declared = Object.keys(op.responses)
  if (!served) {
    return { op, served, auth, exchanges: [], unexercised: declared }
  }

  const exchanges: Exchange[] = []
  for (const probe of [...happyProbes(op, app), ...errorProbes(op, app)]) {
    await arrange(app, probe.given)
    const res = await send(app, probe.method, probe.url, probe.body)
    exchanges.push({
      probe,
      status: res.statusCode,
      verdict: checkResponse(app, op, res.statusCode, res.body)
    })
  }
  app.store.reset()
  const reached = new Set(exchanges.map(e => String(e.status)))
  return {
    op,
    served,
    auth,
    exchanges,
    unexercised: declared.filter(status => !reached.has(status))
  }
}

export async function checkContract (app: FastifyInstance):
Promise<OperationReport[]> {
  const reports: OperationReport[] = []
  for (const op of operations) reports.push(await checkOperation(app, op))
  return reports
}
