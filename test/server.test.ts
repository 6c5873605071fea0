import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { test } from 'tap'
import { fromRoot } from '../src/lib/paths.js'

const run = promisify(execFile)

// Starts the real entry point with a bad setting; it must stop at once with
// one line naming the problem, not a stack trace or a half-started server.
async function start (env: Record<string, string>) {
  try {
    await run(process.execPath, ['--import', 'tsx', fromRoot('src', 'server.ts')],
      { cwd: fromRoot(), env: { ...process.env, ...env }, timeout: 30_000 })
    return { code: 0, stderr: '' }
  } catch (err) {
    const failure = err as { code: number, stderr: string }
    return { code: failure.code, stderr: failure.stderr }
  }
}

test('a bad setting stops the process with a one-line message',
  { timeout: 120_000 }, async t => {
    t.same(await start({ PORT: 'abc' }), {
      code: 1,
      stderr: 'kraken-data-import-mock: PORT must be a whole number, got "abc"\n'
    })
    t.same(await start({ MOCK_PERSIST_JOURNAL: 'true' }), {
      code: 1,
      stderr: 'kraken-data-import-mock: MOCK_PERSIST_JOURNAL needs ' +
      'MOCK_DATA_DIR: the journal is kept in the data directory\'s database\n'
    })
  })

test('a missing seed file stops the process naming the file', async t => {
  t.same(await start({ MOCK_SEED_FILE: '/nonexistent/seed.json' }), {
    code: 1,
    stderr: 'kraken-data-import-mock: /nonexistent/seed.json: ' +
      'seed file not found\n'
  })
})

test('an unusable data directory stops the process with one line',
  async t => {
    // A directory below a plain file can never be created.
    const file = join(mkdtempSync(join(tmpdir(), 'mock-data-')), 'file')
    writeFileSync(file, '')
    const { code, stderr } = await start({
      MOCK_DATA_DIR: join(file, 'data'), PORT: '0'
    })
    t.equal(code, 1)
    t.match(stderr, /^kraken-data-import-mock: MOCK_DATA_DIR/)
    t.equal(stderr.trim().split('\n').length, 1)
  })
