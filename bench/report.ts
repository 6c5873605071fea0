import type { Results, Verdict } from './targets.js'

// The printed table: one line per measurement, baseline beside the mock.

const round = (v: number | undefined | null, digits = 0): string =>
  v === undefined || v === null || Number.isNaN(v) ? '-' : v.toFixed(digits)

function row (cells: string[], widths: number[]): string {
  return '| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |'
}

function table (rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_c, i) =>
    Math.max(...rows.map(r => (r[i] ?? '').length)))
  const lines = rows.map(r => row(r, widths))
  lines.splice(1, 0, row(widths.map(w => '-'.repeat(w)), widths))
  return lines.join('\n')
}

function measurements (r: Results): string[][] {
  const rows = [['measurement', 'baseline', 'mock', 'mock/baseline']]
  for (const [name, c] of Object.entries(r.validate ?? {})) {
    rows.push([`validate v2, ${name} (req/s)`, round(c.baseline.rps),
      round(c.mock.rps), round(c.ratio, 2)])
    rows.push([`validate v2, ${name} p99 (ms)`, round(c.baseline.p99Ms, 1),
      round(c.mock.p99Ms, 1), ''])
  }
  for (const [label, journey] of [['example', r.journey],
    ['documented fields', r.journeyDocumented]] as const) {
    if (journey === undefined) continue
    rows.push([`v1 journey, ${label} (accounts/s)`,
      round(journey.baselineAccountsPerSecond),
      round(journey.mockAccountsPerSecond), round(journey.ratio, 2)])
  }
  if (r.token !== undefined) {
    rows.push(['obtainKrakenToken (calls/s)', round(r.token.baseline.rps),
      round(r.token.mock.rps), round(r.token.ratio, 2)])
  }
  if (r.startup !== undefined) {
    const s = r.startup
    rows.push(['ready after start (ms)', round(s.baseline.readyMs),
      round(s.mock.readyMs), round(s.readyRatio, 2)])
    rows.push(['RSS idle (MB)', round(s.baseline.idleRssMb),
      round(s.mock.idleRssMb), round(s.rssRatio, 2)])
  }
  if (r.afterLoad !== undefined) {
    rows.push(['RSS after load (MB)', round(r.afterLoad.baselineRssMb),
      round(r.afterLoad.mockRssMb),
      round(r.afterLoad.mockRssMb / r.afterLoad.baselineRssMb, 2)])
  }
  for (const result of [r.memoryStore, r.persistentStore]) {
    if (result === undefined) continue
    if (!('accounts' in result)) {
      rows.push([`${result.store} store`, '', 'unavailable', ''])
      continue
    }
    const label = `${result.store} store, ${result.accounts} accounts`
    rows.push([`${label}: staged/s`, '', round(result.stagedPerSecond), ''])
    rows.push([`${label}: RSS (MB)`, '', round(result.stagedRssMb), ''])
    rows.push([`${label}: list (ms)`, '', round(result.listMs.median), ''])
    rows.push([`${label}: reset (ms)`, '', round(result.resetMs, 1), ''])
  }
  if (r.soak !== undefined) {
    rows.push([`soak ${r.soak.minutes} min: RSS warm -> end (MB)`, '',
      `${round(r.soak.warmRssMb)} -> ${round(r.soak.endRssMb)}`, ''])
  }
  return rows
}

export function renderTables (r: Results, checks: Verdict[]): string {
  const status = (v: Verdict): string =>
    v.met === null ? 'n/a' : v.met ? 'met' : 'NOT MET'
  return table(measurements(r)) + '\n\n' +
    table([['target', 'this run', 'status'],
      ...checks.map(v => [v.target, v.value, status(v)])])
}
