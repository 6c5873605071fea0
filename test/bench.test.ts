import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'tap'
import { fromRoot } from '../src/lib/paths.js'

// Proves `npm run bench` works end to end in its tiny mode: both servers
// start, autocannon runs, results are written. It asserts nothing about
// speed. Starting the mock from source takes seconds on an idle machine
// but half a minute on a busy 2-core one, so it runs only when asked:
//   BENCH_SMOKE=1 npx tap test/bench.test.ts
test('the bench runs in tiny mode and writes its results',
  { skip: process.env.BENCH_SMOKE === undefined ? 'set BENCH_SMOKE=1' : false },
  async t => {
    const out = mkdtempSync(join(tmpdir(), 'bench-'))
    t.teardown(() => rmSync(out, { recursive: true, force: true }))
    const run = spawnSync(process.execPath, ['--import', 'tsx',
      fromRoot('bench', 'run.ts'), '--tiny', '--source', '--only', 'validate',
      '--out', out], { cwd: fromRoot(), encoding: 'utf8', timeout: 110_000 })
    t.equal(run.status, 0, run.stderr)

    const files = readdirSync(out)
    const json = files.find(f => f.endsWith('.json'))
    t.ok(json, 'a JSON result')
    const report = JSON.parse(readFileSync(join(out, json ?? ''), 'utf8'))
    t.match(report.table, /\| mock\/baseline/, 'the table')
    t.equal(report.mode, 'tiny')
    const valid = report.results.validate.valid
    t.ok(valid.baseline.rps > 0 && valid.mock.rps > 0, 'both answered')
    t.equal(valid.unexpected, 0, 'the mock accepted the example')
    t.match(run.stdout, /\| validate v2, valid \(req\/s\)/)
  })
