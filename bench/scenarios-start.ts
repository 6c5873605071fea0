import { median } from './load.js'
import type { Plan } from './options.js'
import { rssMb, type ServerSpec, startServer } from './processes.js'

// Start-up: from spawning the process to the first 200 from its readiness
// route, and the RSS it then sits at, each the median of several starts.

export interface StartResult {
  readyMs: number
  idleRssMb: number
  readyRuns: number[]
}

export interface StartupComparison {
  baseline: StartResult
  mock: StartResult
  readyRatio: number
  rssRatio: number
}

const sleep = async (ms: number): Promise<void> =>
  await new Promise(resolve => setTimeout(resolve, ms))

async function startOnce (spec: ServerSpec):
Promise<{ readyMs: number, rss: number }> {
  const server = await startServer(spec)
  try {
    // Idle means after the start-up work settles, not mid-way through it.
    await sleep(500)
    return { readyMs: server.readyMs, rss: rssMb(server.pid) }
  } finally {
    await server.stop()
  }
}

type Run = { readyMs: number, rss: number }

function summarise (runs: Run[]): StartResult {
  return {
    readyMs: median(runs.map(r => r.readyMs)),
    idleRssMb: median(runs.map(r => r.rss)),
    readyRuns: runs.map(r => Math.round(r.readyMs))
  }
}

interface Specs { mock: ServerSpec, baseline: ServerSpec }

export async function startupScenario (specs: Specs,
  plan: Plan): Promise<StartupComparison> {
  const mock: Array<{ readyMs: number, rss: number }> = []
  const baseline: Array<{ readyMs: number, rss: number }> = []
  for (let i = 0; i < plan.startupRuns; i++) {
    baseline.push(await startOnce(specs.baseline))
    mock.push(await startOnce(specs.mock))
  }
  const b = summarise(baseline)
  const m = summarise(mock)
  return {
    baseline: b,
    mock: m,
    readyRatio: m.readyMs / b.readyMs,
    rssRatio: m.idleRssMb / b.idleRssMb
  }
}
