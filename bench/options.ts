import { parseArgs } from 'node:util'
import { fromRoot } from '../src/lib/paths.js'

// Command line of `npm run bench`. Every run is bounded: durations and
// counts come from the mode, and nothing loops until told to stop.

export const SCENARIOS = ['startup', 'validate', 'journey', 'token',
  'memory-store', 'persistent-store', 'soak'] as const
export type Scenario = typeof SCENARIOS[number]

export type Mode = 'full' | 'quick' | 'tiny'

export interface Plan {
  mode: Mode
  // Seconds of load per measurement, and how many times the baseline and
  // the mock alternate (the median is reported).
  duration: number
  rounds: number
  connections: number
  journeyConnections: number
  startupRuns: number
  stagedAccounts: number
  stagingConnections: number
  listRuns: number
  soakMinutes: number
  scenarios: Scenario[]
  build: boolean
  source: boolean
  outDir: string
}

const USAGE = `usage: npm run bench -- [options]
  --quick            short runs and 10,000 staged accounts (a smoke run)
  --tiny             the smallest run that still exercises every step
  --only a,b         run only these: ${SCENARIOS.join(', ')}
  --soak <minutes>   add a steady-load soak of that many minutes
  --no-build         use the existing dist/ build
  --source           run the mock from source through tsx (tests only)
  --out <dir>        where to write results (default bench/results)`

export function readPlan (argv: string[]): Plan {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      tiny: { type: 'boolean', default: false },
      only: { type: 'string' },
      soak: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      source: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help === true) {
    process.stdout.write(USAGE + '\n')
    process.exit(0)
  }
  const mode: Mode = values.tiny === true
    ? 'tiny'
    : values.quick === true ? 'quick' : 'full'
  const soakMinutes = values.soak === undefined ? 0 : Number(values.soak)
  if (!Number.isFinite(soakMinutes) || soakMinutes < 0 || soakMinutes > 120) {
    throw new Error('--soak takes minutes between 0 and 120')
  }
  const only = values.only?.split(',').map(s => s.trim()).filter(Boolean)
  for (const name of only ?? []) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new Error(`unknown scenario ${name}\n${USAGE}`)
    }
  }
  const chosen = (only ?? SCENARIOS.filter(s => s !== 'soak')) as Scenario[]
  if (soakMinutes > 0 && !chosen.includes('soak')) chosen.push('soak')

  const sizes = {
    full: [10, 3, 7, 100_000, 5],
    quick: [3, 1, 3, 10_000, 3],
    tiny: [0.5, 1, 1, 200, 1]
  }[mode]
  const [duration, rounds, startupRuns, stagedAccounts, listRuns] =
    sizes as [number, number, number, number, number]
  return {
    mode,
    duration,
    rounds,
    connections: mode === 'tiny' ? 4 : 50,
    journeyConnections: mode === 'tiny' ? 2 : 16,
    startupRuns,
    stagedAccounts,
    stagingConnections: mode === 'tiny' ? 2 : 16,
    listRuns,
    soakMinutes: soakMinutes > 0 ? soakMinutes : mode === 'tiny' ? 0.05 : 1,
    scenarios: chosen,
    build: values['no-build'] !== true && values.source !== true,
    source: values.source === true,
    outDir: values.out ?? fromRoot('bench', 'results')
  }
}
