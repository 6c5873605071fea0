import type autocannon from 'autocannon'
import { type LoadResult, median, runLoad, unexpectedShare } from './load.js'
import type { Server } from './processes.js'

// Side-by-side measurement: the baseline and the mock take turns under the
// same load, round after round, so that whatever else the machine is doing
// weighs on both alike. The ratio of the medians is the figure to compare.

export interface Pair {
  mock: Server
  baseline: Server
  headers: Record<string, string>
}

export interface Comparison {
  connections: number
  baseline: Summary
  mock: Summary
  // Mock throughput over baseline throughput.
  ratio: number
  // Share of the mock's responses that had an unexpected status.
  unexpected: number
}

export interface Summary {
  rps: number
  p50Ms: number
  p99Ms: number
  serverCores: number
  runs: LoadResult[]
}

export interface CompareSpec {
  connections: number
  duration: number
  rounds: number
  requests: autocannon.Request[]
  // Statuses the mock must answer with (the baseline always says 200).
  expect: number[]
}

function summarise (runs: LoadResult[]): Summary {
  return {
    rps: median(runs.map(r => r.rps)),
    p50Ms: median(runs.map(r => r.p50Ms)),
    p99Ms: median(runs.map(r => r.p99Ms)),
    serverCores: median(runs.map(r => r.serverCores)),
    runs
  }
}

async function measure (server: Server, pair: Pair,
  spec: CompareSpec): Promise<LoadResult> {
  return await runLoad({
    url: server.url,
    pid: server.pid,
    connections: spec.connections,
    duration: spec.duration,
    requests: spec.requests,
    headers: pair.headers
  })
}

export async function compare (pair: Pair,
  spec: CompareSpec): Promise<Comparison> {
  const baseline: LoadResult[] = []
  const mock: LoadResult[] = []
  // An unrecorded first pass on each, so compiled code is measured hot.
  const warm = { ...spec, duration: Math.min(2, spec.duration) }
  await measure(pair.baseline, pair, warm)
  await measure(pair.mock, pair, warm)
  for (let round = 0; round < spec.rounds; round++) {
    // Alternate who goes first, so neither always gets the cooler machine.
    if (round % 2 === 0) {
      baseline.push(await measure(pair.baseline, pair, spec))
      mock.push(await measure(pair.mock, pair, spec))
    } else {
      mock.push(await measure(pair.mock, pair, spec))
      baseline.push(await measure(pair.baseline, pair, spec))
    }
  }
  const b = summarise(baseline)
  const m = summarise(mock)
  const unexpected = Math.max(...mock.map(r => unexpectedShare(r, spec.expect)))
  return {
    connections: spec.connections,
    baseline: b,
    mock: m,
    ratio: m.rps / b.rps,
    unexpected
  }
}
