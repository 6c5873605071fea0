import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, hostname, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { buildForBench } from './build.js'
import type { Pair } from './compare.js'
import { readPlan, type Plan } from './options.js'
import { EXAMPLE_DAY, PATHS, tokenBody } from './payloads.js'
import {
  entrypoints, rssMb, type ServerSpec, startServer
} from './processes.js'
import { renderTables } from './report.js'
import {
  checkMockAnswers, journeyScenario, tokenScenario, validateScenario
} from './scenarios-http.js'
import { startupScenario } from './scenarios-start.js'
import { storeScenario } from './scenarios-store.js'
import { soakScenario } from './soak.js'
import { type Results, verdicts } from './targets.js'

// npm run bench: starts the compiled mock and a bare Fastify baseline on
// loopback, measures both side by side, and writes the results as JSON and
// a table under bench/results/. See bench/README.md.

const log = (line: string): void => { process.stdout.write(line + '\n') }
const load = (): number[] => loadavg().map(l => Math.round(l * 100) / 100)

// Readies a mock for measurement: the clock pinned to the example's day,
// and a token for the requests (the same one, as a pipeline would reuse).
async function prepareMock (url: string): Promise<Record<string, string>> {
  const json = { 'content-type': 'application/json' }
  const pinned = await fetch(url + PATHS.clock, {
    method: 'POST', headers: json, body: JSON.stringify({ at: EXAMPLE_DAY })
  })
  await pinned.arrayBuffer()
  if (pinned.status !== 200) {
    throw new Error(`could not set the mock clock: ${pinned.status}`)
  }
  const res = await fetch(url + PATHS.graphql,
    { method: 'POST', headers: json, body: tokenBody })
  const token = (await res.json() as any)?.data?.obtainKrakenToken?.token
  if (typeof token !== 'string') throw new Error('the mock issued no token')
  return { authorization: `JWT ${token}` }
}

async function throughput (specs: Record<'mock' | 'baseline', ServerSpec>,
  plan: Plan, results: Results, warnings: string[]): Promise<void> {
  const mock = await startServer(specs.mock)
  const baseline = await startServer(specs.baseline).catch(async err => {
    await mock.stop()
    throw err
  })
  try {
    const pair: Pair = { mock, baseline, headers: await prepareMock(mock.url) }
    for (const warning of await checkMockAnswers(pair)) {
      log(`warning: ${warning}`)
      warnings.push(warning)
    }
    if (plan.scenarios.includes('validate')) {
      log('validate: valid example and one nested error')
      results.validate = await validateScenario(pair, plan)
    }
    if (plan.scenarios.includes('journey')) {
      log('journey: stage, process, transfer status')
      const journeys = await journeyScenario(pair, plan)
      results.journey = journeys.example
      results.journeyDocumented = journeys.documented
    }
    if (plan.scenarios.includes('token')) {
      log('token: obtainKrakenToken')
      results.token = await tokenScenario(pair, plan)
    }
    results.afterLoad = {
      mockRssMb: rssMb(mock.pid), baselineRssMb: rssMb(baseline.pid)
    }
  } finally {
    await mock.stop()
    await baseline.stop()
  }
}

function gitState (): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'],
      { encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'],
      { encoding: 'utf8' }).trim() !== ''
    return dirty ? `${head} (uncommitted changes)` : head
  } catch {
    return 'unknown'
  }
}

async function main (): Promise<void> {
  const plan = readPlan(process.argv.slice(2))
  const warnings = plan.build ? buildForBench() : []
  for (const w of warnings) log(`warning: ${w}`)
  const entry = entrypoints(plan.source)
  const mockSpec = {
    name: 'mock', args: entry.mock, env: { MOCK_TOKEN_TTL_SECONDS: '86400' }
  }
  const specs = {
    mock: mockSpec,
    baseline: { name: 'baseline', args: entry.baseline },
    storeLoader: {
      ...mockSpec, name: 'mock (store loader)', args: entry.storeLoader
    }
  }
  const machine = {
    host: hostname(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: load()
  }
  log(`bench (${plan.mode}) on ${machine.cores} x ${machine.cpu}, ` +
    `load ${machine.loadBefore.join(' ')}: ${plan.scenarios.join(', ')}`)
  const started = Date.now()
  const results: Results = {}

  if (plan.scenarios.includes('startup')) {
    log('startup: time to ready and idle RSS')
    results.startup = await startupScenario(specs, plan)
  }
  if (['validate', 'journey', 'token'].some(s =>
    plan.scenarios.includes(s as Plan['scenarios'][number]))) {
    await throughput(specs, plan, results, warnings)
  }
  if (plan.scenarios.includes('memory-store')) {
    log(`memory store: ${plan.stagedAccounts} staged accounts`)
    results.memoryStore = await storeScenario(specs.storeLoader, 'memory',
      prepareMock, plan)
  }
  if (plan.scenarios.includes('persistent-store')) {
    log(`persistent store: ${plan.stagedAccounts} staged accounts`)
    results.persistentStore = await storeScenario(specs.storeLoader,
      'persistent',
      prepareMock, plan)
  }
  if (plan.scenarios.includes('soak')) {
    log(`soak: ${plan.soakMinutes} min of steady load`)
    results.soak = await soakScenario(specs.mock, plan, prepareMock)
  }

  const checks = verdicts(results)
  const tables = renderTables(results, checks)
  const date = new Date().toISOString().slice(0, 10)
  const name = plan.mode === 'full'
    ? `${date}-${machine.host}`
    : `${date}-${machine.host}-${plan.mode}.tmp`
  const report = {
    version: 1,
    date: new Date().toISOString(),
    mode: plan.mode,
    commit: gitState(),
    machine: { ...machine, loadAfter: load() },
    seconds: Math.round((Date.now() - started) / 1000),
    plan: { ...plan, outDir: undefined },
    warnings,
    targets: checks,
    results,
    table: tables
  }
  mkdirSync(plan.outDir, { recursive: true })
  writeFileSync(join(plan.outDir, `${name}.json`),
    JSON.stringify(report, null, 2) + '\n')
  // Smoke runs keep to the JSON, which git ignores (*.tmp.json).
  if (plan.mode === 'full') {
    writeFileSync(join(plan.outDir, `${name}.md`), tables + '\n')
  }
  log('\n' + tables)
  log(`\nload average ${machine.loadBefore.join(' ')} before, ` +
    `${report.machine.loadAfter.join(' ')} after; ` +
    `results in ${join(plan.outDir, name)}.json`)
}

await main()
