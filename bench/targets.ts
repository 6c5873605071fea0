import type { Comparison } from './compare.js'
import type { JourneyResult } from './scenarios-http.js'
import type { StartupComparison } from './scenarios-start.js'
import type { StoreResult, StoreUnavailable } from './scenarios-store.js'
import type { SoakResult } from './soak.js'

// The targets, checked against one run's results. Ratios hold on any
// machine; the absolute ones were set for the 2-core reference machine.

export interface Results {
  startup?: StartupComparison
  validate?: Record<string, Comparison>
  journey?: JourneyResult
  journeyDocumented?: JourneyResult
  token?: Comparison
  afterLoad?: { mockRssMb: number, baselineRssMb: number }
  memoryStore?: StoreResult | StoreUnavailable
  persistentStore?: StoreResult | StoreUnavailable
  soak?: SoakResult
}

export interface Verdict {
  target: string
  value: string
  met: boolean | null
}

const FULL_COHORT = 100_000

function check (target: string, value: number | null | undefined,
  unit: string, ok: (v: number) => boolean, note = ''): Verdict {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return { target, value: `not measured${note}`, met: null }
  }
  const shown = unit === 'x' ? value.toFixed(2) : Math.round(value).toString()
  const suffix = unit === 'x' ? '' : ` ${unit}`
  return { target, value: `${shown}${suffix}${note}`, met: ok(value) }
}

// A throughput measured on answers other than the expected ones times
// refusals: it is reported as failed, whatever its value.
function throughput (target: string, c: Comparison | undefined,
  value: number | undefined, unit: string,
  ok: (v: number) => boolean): Verdict {
  const verdict = check(target, value, unit, ok)
  if (c !== undefined && c.unexpected > 0.001) {
    verdict.value += ` (${(c.unexpected * 100).toFixed(1)} % of answers ` +
      'had an unexpected status)'
    verdict.met = false
  }
  return verdict
}

function stored (result: StoreResult | StoreUnavailable | undefined):
StoreResult | undefined {
  return result !== undefined && 'accounts' in result ? result : undefined
}

export function verdicts (r: Results): Verdict[] {
  const out: Verdict[] = []
  for (const [name, c] of Object.entries(r.validate ?? {})) {
    out.push(throughput(`validate ${name}: >= 0.6 of baseline`, c, c.ratio,
      'x', v => v >= 0.6))
    out.push(throughput(
      `validate ${name}: p99 < 20 ms at ${c.connections} conn`, c,
      c.mock.p99Ms, 'ms', v => v < 20))
  }
  for (const [label, journey] of [['example', r.journey],
    ['documented fields', r.journeyDocumented]] as const) {
    out.push(throughput(`v1 journey (${label}): >= 1,500 accounts/s`,
      journey, journey?.mockAccountsPerSecond, 'accounts/s',
      v => v >= 1500))
  }
  out.push(check('ready < 1 s from process start',
    r.startup?.mock.readyMs, 'ms', v => v < 1000))

  const memory = stored(r.memoryStore)
  const persistent = stored(r.persistentStore)
  for (const [label, result, limit] of [
    ['memory store', memory, 1024], ['persistent store', persistent, 250]
  ] as const) {
    const full = result?.accounts === FULL_COHORT
    const note = result !== undefined && !full
      ? ` (${result.accounts} accounts, not the 100,000 of the target)`
      : ''
    const within = (v: number): boolean => v < limit
    out.push(check(`${label}: 100,000 accounts < ${limit} MB RSS`,
      result?.stagedRssMb, 'MB', full ? within : () => false, note))
    out.push(check(`${label}: list all < 1 s`, result?.listMs.median, 'ms',
      v => full && v < 1000, note))
    out.push(check(`${label}: reset < 50 ms`, result?.resetMs, 'ms',
      v => v < 50))
  }
  // A cohort smaller than the target's proves nothing either way.
  for (const v of out) {
    if (v.value.includes('not the 100,000')) v.met = null
  }
  out.push(check('soak: no RSS growth (< 5 %)', r.soak?.growthPct, '%',
    v => v < 5, r.soak === undefined ? '' : ` over ${r.soak.minutes} min`))
  return out
}
