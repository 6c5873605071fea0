import autocannon from 'autocannon'
import { cpuSeconds } from './processes.js'

// One bounded load run with autocannon against a loopback server: a fixed
// number of connections for a fixed time (or a fixed number of requests).

export interface LoadSpec {
  url: string
  pid: number
  connections: number
  // Seconds; ignored when `amount` is set.
  duration?: number
  amount?: number
  requests: autocannon.Request[]
  headers?: Record<string, string>
  // Requests per second across all connections, for a steady (soak) load.
  overallRate?: number
}

export interface LoadResult {
  // Responses per second.
  rps: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  responses: number
  seconds: number
  statuses: Record<string, number>
  errors: number
  // Cores the server kept busy, on average.
  serverCores: number
}

const SAFETY_TIMEOUT_S = 600

export async function runLoad (spec: LoadSpec): Promise<LoadResult> {
  const cpuBefore = cpuSeconds(spec.pid)
  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    // autocannon resets a run on a falsy setupRequest; none of ours are.
    requests: spec.requests,
    headers: { 'content-type': 'application/json', ...spec.headers },
    timeout: 30
  }
  if (spec.amount !== undefined) {
    options.amount = spec.amount
    // Bounded in time as well as count: stop even if the server stalls.
    options.duration = SAFETY_TIMEOUT_S
  } else {
    options.duration = spec.duration ?? 5
  }
  if (spec.overallRate !== undefined) options.overallRate = spec.overallRate

  const result = await autocannon(options)
  const statuses: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = stat.count ?? 0
  }
  const responses = Object.values(statuses).reduce((a, b) => a + b, 0)
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000
  const cpuAfter = cpuSeconds(spec.pid)
  return {
    rps: responses / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    responses,
    seconds,
    statuses,
    errors: result.errors,
    serverCores: (cpuAfter - cpuBefore) / seconds
  }
}

// The run's responses that were not the expected status, as a fraction.
export function unexpectedShare (result: LoadResult,
  expected: number[]): number {
  if (result.responses === 0) return 1
  const good = expected.reduce((n, code) => n + (result.statuses[code] ?? 0), 0)
  return 1 - good / result.responses
}

export function median (values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return NaN
  return sorted.length % 2 === 1
    ? sorted[mid] as number
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
