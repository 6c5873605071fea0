import type autocannon from 'autocannon'
import { median, runLoad, unexpectedShare } from './load.js'
import type { Plan } from './options.js'
import {
  invalidBody, PATHS, stageBody, tokenBody, validBody
} from './payloads.js'
import { rssMb, type ServerSpec, startServer } from './processes.js'

// Minutes of steady load on one fresh mock, sampling its RSS. The mix
// grows no state that a partner would expect to keep (accounts are staged
// again from a fixed pool), so RSS should level off; growth means a leak
// or an unbounded journal.

export interface SoakResult {
  minutes: number
  requestsPerSecond: number
  unexpected: number
  samples: Array<{ s: number, rssMb: number }>
  // Median RSS of the second quarter (warm) and of the last quarter.
  warmRssMb: number
  endRssMb: number
  growthPct: number
}

const POOL = 500

function soakRequests (): autocannon.Request[] {
  let n = 0
  const ext = (): string => `SOAK-${n++ % POOL}`
  return [
    { method: 'POST', path: PATHS.validateV2, body: validBody },
    { method: 'POST', path: PATHS.validateV2, body: invalidBody },
    { method: 'POST', path: PATHS.graphql, body: tokenBody },
    {
      method: 'POST',
      path: PATHS.stage,
      setupRequest: (request) => ({ ...request, body: stageBody(ext()) })
    },
    {
      method: 'GET',
      setupRequest: (request) =>
        ({ ...request, path: PATHS.status(`SOAK-${n % POOL}`) })
    }
  ]
}

function quarter (samples: SoakResult['samples'], which: number): number {
  const size = Math.max(1, Math.floor(samples.length / 4))
  return median(samples.slice(which * size, (which + 1) * size)
    .map(s => s.rssMb))
}

export async function soakScenario (spec: ServerSpec, plan: Plan,
  headers: (url: string) => Promise<Record<string, string>>):
  Promise<SoakResult> {
  const server = await startServer(spec)
  const samples: SoakResult['samples'] = []
  const started = Date.now()
  const sample = (): void => {
    samples.push({
      s: Math.round((Date.now() - started) / 1000),
      rssMb: Math.round(rssMb(server.pid) * 10) / 10
    })
  }
  const every = plan.mode === 'tiny' ? 250 : 5000
  const timer = setInterval(sample, every)
  try {
    const auth = await headers(server.url)
    sample()
    const load = await runLoad({
      url: server.url,
      pid: server.pid,
      connections: 10,
      duration: plan.soakMinutes * 60,
      overallRate: plan.mode === 'tiny' ? 100 : 1000,
      headers: auth,
      requests: soakRequests()
    })
    sample()
    const warm = quarter(samples, 1)
    const end = quarter(samples, 3)
    return {
      minutes: plan.soakMinutes,
      requestsPerSecond: load.rps,
      // The invalid payload's 400 is expected; anything else is not.
      unexpected: unexpectedShare(load, [200, 201, 400]),
      samples,
      warmRssMb: warm,
      endRssMb: end,
      growthPct: (end - warm) / warm * 100
    }
  } finally {
    clearInterval(timer)
    await server.stop()
  }
}
