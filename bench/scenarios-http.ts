import type autocannon from 'autocannon'
import { type Comparison, compare, type Pair } from './compare.js'
import type { Plan } from './options.js'
import {
  invalidBody, NESTED_ERROR_ATTR, PATHS, processBody, stageBody, tokenBody,
  validBody
} from './payloads.js'

// Throughput scenarios: validation (valid and with one nested error), the
// v1 journey per account, and obtainKrakenToken.

async function post (pair: Pair, path: string,
  body: string): Promise<{ status: number, json: any }> {
  const res = await fetch(pair.mock.url + path, {
    method: 'POST',
    headers: { ...pair.headers, 'content-type': 'application/json' },
    body
  })
  const text = await res.text()
  return { status: res.status, json: text === '' ? null : JSON.parse(text) }
}

// Before timing anything, check the mock really does the work measured:
// it accepts the example, finds the nested error (and only that), and
// takes accounts through the journey. A surprise in what validation finds
// is reported with the results, since rules change while the mock is
// built; a refused journey or a missed error stops the run, as its
// figures would time refusals.
export async function checkMockAnswers (pair: Pair): Promise<string[]> {
  const warnings: string[] = []
  const valid = await post(pair, PATHS.validateV2, validBody)
  if (valid.status !== 200) {
    warnings.push('the mock refuses the contract example, so "valid" ' +
      `measures a refusal: ${JSON.stringify(valid.json)}`)
  }
  const invalid = await post(pair, PATHS.validateV2, invalidBody)
  const attrs = (invalid.json?.errors ?? []).map((e: any) => e.attr)
  if (invalid.status !== 400 || !attrs.includes(NESTED_ERROR_ATTR)) {
    throw new Error('nested error not reported: ' +
      JSON.stringify(invalid.json))
  }
  if (attrs.length !== 1) {
    warnings.push(`the nested-error payload reports ${attrs.length} errors`)
  }
  for (const documentedOnly of [false, true]) {
    for (const n of [1, 2]) {
      const ext = `BENCH-CHECK-${documentedOnly ? 'D' : 'E'}${n}`
      const staged = await post(pair, PATHS.stage,
        stageBody(ext, documentedOnly))
      const processed = await post(pair, PATHS.process, processBody(ext))
      if (staged.status !== 201 || processed.status !== 201) {
        throw new Error(`journey refused for ${ext}: ` +
          `${JSON.stringify(staged.json)} ${JSON.stringify(processed.json)}`)
      }
    }
  }
  const token = await post(pair, PATHS.graphql, tokenBody)
  if (typeof token.json?.data?.obtainKrakenToken?.token !== 'string') {
    throw new Error(`no token: ${JSON.stringify(token.json)}`)
  }
  return warnings
}

function single (path: string, body: string): autocannon.Request[] {
  return [{ method: 'POST', path, body }]
}

export async function validateScenario (pair: Pair,
  plan: Plan): Promise<Record<string, Comparison>> {
  const base = {
    connections: plan.connections, duration: plan.duration, rounds: plan.rounds
  }
  return {
    valid: await compare(pair, {
      ...base, requests: single(PATHS.validateV2, validBody), expect: [200]
    }),
    nestedError: await compare(pair, {
      ...base, requests: single(PATHS.validateV2, invalidBody), expect: [400]
    })
  }
}

let accountCounter = 0

// autocannon's per-connection context, shared by one journey's requests.
interface Context { ext: string }

// Each connection walks accounts through the journey one at a time:
// stage (201), process (201), transfer status (200).
export function journeyRequests (prefix: string,
  documentedOnly = false): autocannon.Request[] {
  return [
    {
      method: 'POST',
      path: PATHS.stage,
      setupRequest: (request, context) => {
        const ext = `${prefix}-${++accountCounter}`
        ;(context as Context).ext = ext
        return { ...request, body: stageBody(ext, documentedOnly) }
      }
    },
    {
      method: 'POST',
      path: PATHS.process,
      setupRequest: (request, context) =>
        ({ ...request, body: processBody((context as Context).ext) })
    },
    {
      method: 'GET',
      setupRequest: (request, context) =>
        ({ ...request, path: PATHS.status((context as Context).ext) })
    }
  ]
}

export interface JourneyResult extends Comparison {
  // Whole journeys (three requests each) per second.
  mockAccountsPerSecond: number
  baselineAccountsPerSecond: number
}

async function journeyRun (pair: Pair, plan: Plan,
  documentedOnly: boolean): Promise<JourneyResult> {
  const result = await compare(pair, {
    connections: plan.journeyConnections,
    duration: plan.duration,
    rounds: plan.rounds,
    requests: journeyRequests(
      `BENCH-J${documentedOnly ? 'D' : 'E'}${Date.now()}`, documentedOnly),
    expect: [200, 201]
  })
  return {
    ...result,
    mockAccountsPerSecond: result.mock.rps / 3,
    baselineAccountsPerSecond: result.baseline.rps / 3
  }
}

// The journey twice: with the contract's example as published, whose
// undocumented `ledgers` staging drops (so processing runs the account
// object's rules again), and without it, as a pipeline that heeds the
// mock's warning sends it (processing then re-runs only the rule calls
// that read the clock, the store or the whole account).
export async function journeyScenario (pair: Pair, plan: Plan):
Promise<{ example: JourneyResult, documented: JourneyResult }> {
  return {
    example: await journeyRun(pair, plan, false),
    documented: await journeyRun(pair, plan, true)
  }
}

export async function tokenScenario (pair: Pair,
  plan: Plan): Promise<Comparison> {
  return await compare(pair, {
    connections: plan.connections,
    duration: plan.duration,
    rounds: plan.rounds,
    requests: single(PATHS.graphql, tokenBody),
    expect: [200]
  })
}
