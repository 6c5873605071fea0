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
// it accepts the example, and it finds the nested error (and only that).
// A surprise is reported with the results rather than stopping the run,
// since rules change while the mock is built.
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
export function journeyRequests (prefix: string): autocannon.Request[] {
  return [
    {
      method: 'POST',
      path: PATHS.stage,
      setupRequest: (request, context) => {
        const ext = `${prefix}-${++accountCounter}`
        ;(context as Context).ext = ext
        return { ...request, body: stageBody(ext) }
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

export async function journeyScenario (pair: Pair,
  plan: Plan): Promise<JourneyResult> {
  const result = await compare(pair, {
    connections: plan.journeyConnections,
    duration: plan.duration,
    rounds: plan.rounds,
    requests: journeyRequests(`BENCH-J${Date.now()}`),
    expect: [200, 201]
  })
  return {
    ...result,
    mockAccountsPerSecond: result.mock.rps / 3,
    baselineAccountsPerSecond: result.baseline.rps / 3
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
