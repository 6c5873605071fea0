import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { median } from './load.js'
import type { Plan } from './options.js'
import { account, PATHS } from './payloads.js'
import { rssMb, type ServerSpec, startServer } from './processes.js'

// A cohort staged in one mock: how much memory it holds, how long listing
// it takes, and how long a reset takes. The cohort is the contract example
// under 100,000 external account numbers, loaded by bench/store-server.ts.

export interface StoreResult {
  store: 'memory' | 'persistent'
  accounts: number
  // Straight into the store (bench/store-server.ts), not over HTTP.
  stagedPerSecond: number
  idleRssMb: number
  stagedRssMb: number
  listMs: { median: number, max: number, runs: number[] }
  listedAccounts: number
  afterListRssMb: number
  // Null when this build has no reset route.
  resetMs: number | null
  afterResetRssMb: number | null
}

export interface StoreUnavailable {
  store: 'memory' | 'persistent'
  unavailable: string
}

const sleep = async (ms: number): Promise<void> =>
  await new Promise(resolve => setTimeout(resolve, ms))

async function timed (url: string, init: RequestInit):
Promise<{ ms: number, status: number, body: string }> {
  const started = process.hrtime.bigint()
  const res = await fetch(url, init)
  const body = await res.text()
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  return { ms, status: res.status, body }
}

export async function storeScenario (spec: ServerSpec,
  store: StoreResult['store'],
  headers: (url: string) => Promise<Record<string, string>>,
  plan: Plan): Promise<StoreResult | StoreUnavailable> {
  const dataDir = store === 'persistent'
    ? mkdtempSync(join(tmpdir(), 'kraken-mock-bench-'))
    : undefined
  let server
  try {
    server = await startServer({
      ...spec,
      env: {
        ...spec.env,
        ...(dataDir === undefined ? {} : { MOCK_DATA_DIR: dataDir })
      }
    })
  } catch (err) {
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
    return { store, unavailable: (err as Error).message }
  }
  try {
    const auth = await headers(server.url)
    await sleep(500)
    const idleRssMb = rssMb(server.pid)
    const staging = await timed(server.url + '/_bench/stage', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        count: plan.stagedAccounts, prefix: `BENCH-S${Date.now()}`, account
      })
    })
    if (staging.status !== 200) {
      throw new Error(`staging answered ${staging.status}: ${staging.body}`)
    }
    await sleep(1000)
    const stagedRssMb = rssMb(server.pid)

    const runs: number[] = []
    let listedAccounts = 0
    for (let i = 0; i < plan.listRuns; i++) {
      const list = await timed(server.url + PATHS.list, { headers: auth })
      if (list.status !== 200) throw new Error(`list answered ${list.status}`)
      listedAccounts = (JSON.parse(list.body) as unknown[]).length
      runs.push(list.ms)
    }
    const afterListRssMb = rssMb(server.pid)

    const reset = await timed(server.url + PATHS.reset,
      { method: 'POST', headers: auth })
    const hasReset = reset.status >= 200 && reset.status < 300
    await sleep(1000)
    return {
      store,
      accounts: plan.stagedAccounts,
      stagedPerSecond: plan.stagedAccounts / staging.ms * 1000,
      idleRssMb,
      stagedRssMb,
      listMs: { median: median(runs), max: Math.max(...runs), runs },
      listedAccounts,
      afterListRssMb,
      resetMs: hasReset ? reset.ms : null,
      afterResetRssMb: hasReset ? rssMb(server.pid) : null
    }
  } finally {
    await server.stop()
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
  }
}
