import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tap, { test, type Test } from 'tap'
import { fromRoot } from '../../src/lib/paths.js'
import { exampleAccount } from '../helpers/contract.js'

// The real server, started twice on one data directory: what it
// acknowledged before stopping, or before being killed, is there after.

// Four starts of the real server: on a busy machine they can take longer
// than the default file timeout, though each wait below is bounded.
tap.setTimeout(150_000)

const STAGE = '/v1/data-import/account-import-process/create-or-update/'
const PROCESS = '/v1/data-import/account-import-process/process/'
const HEADERS = {
  authorization: 'Token test-api-key', 'content-type': 'application/json'
}

function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function exited (child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve()
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() =>
      reject(new Error(`the mock did not exit within ${ms} ms`)), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

interface RunningMock {
  child: ChildProcess
  call: (method: string, path: string, body?: unknown) =>
  Promise<{ status: number, json: any }>
}

async function startMock (t: Test, dataDir: string): Promise<RunningMock> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'],
    {
      cwd: fromRoot(),
      // Only what the mock needs: nothing of the test runner's NODE_OPTIONS.
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        MOCK_DATA_DIR: dataDir,
        MOCK_JWT_SECRET: 'persistence-test-secret',
        LOG_LEVEL: 'silent'
      },
      stdio: ['ignore', 'ignore', 'pipe']
    })
  let stderr = ''
  child.stderr?.on('data', chunk => { stderr += String(chunk) })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })

  const base = `http://127.0.0.1:${port}`
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: HEADERS,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000)
    })
    return { status: res.status, json: await res.json() }
  }

  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    const ready = await fetch(`${base}/_mock/ready`,
      { signal: AbortSignal.timeout(1000) }).catch(() => undefined)
    if (ready?.status === 200) return { child, call }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`the mock did not become ready: ${stderr}`)
}

// The contract's example as account number n of many: its own external
// number and reference (Kraken refuses a reference another account has),
// and its dunning start date moved a year ahead (the example's is past).
function account (n: number, supplier = 'TENTACLE_ENERGY') {
  const example = exampleAccount(supplier)
  const nextYear = new Date(Date.now() + 366 * 86_400_000)
  return {
    ...example,
    external_account_number: `EXT-${n}`,
    references: example.references.map((r: object) =>
      ({ ...r, value: String(1_000_000_000 + n) })),
    dunning_path: {
      ...example.dunning_path,
      start_date: nextYear.toISOString().slice(0, 10)
    }
  }
}

function tempDir (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'kraken-mock-data-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

test('an account, its number and supplier statuses survive a restart',
  async t => {
    const dir = tempDir(t)
    const first = await startMock(t, dir)
    const paused = await first.call('PATCH', '/_mock/suppliers/TENTACLE_MANUAL',
      { status: 'Paused' })
    t.equal(paused.status, 200, 'the control API pauses a supplier')
    t.equal((await first.call('POST', STAGE, account(1))).status, 201)
    t.equal((await first.call('POST', STAGE, account(2))).status, 201)
    const processed = await first.call('POST', PROCESS, {
      import_supplier_code: 'TENTACLE_ENERGY', external_account_number: 'EXT-1'
    })
    t.equal(processed.status, 201)
    const number = processed.json.kraken_account_number
    const list = '/v1/data-import/all-account-import-processes/' +
      'TENTACLE_ENERGY/'
    const before = (await first.call('GET', list)).json
    first.child.kill('SIGTERM')
    await exited(first.child, 15_000)
    t.equal(first.child.exitCode, 0, 'SIGTERM closes the mock cleanly')

    t.match(before, [
      { external_account_number: 'EXT-1', kraken_account_number: number },
      { external_account_number: 'EXT-2', kraken_account_number: null }
    ])

    const second = await startMock(t, dir)
    t.strictSame((await second.call('GET', list)).json, before)
    const status = await second.call('GET',
      '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/EXT-1/')
    t.strictSame(status.json, {
      status: 'COMPLETED', account_number: number, kraken_account_number: number
    })
    const again = await second.call('POST', STAGE, account(1))
    t.equal(again.json.kraken_account_number, number,
      'staging the imported account again is refused with its number')
    const refused = await second.call('POST', STAGE,
      account(3, 'TENTACLE_MANUAL'))
    t.equal(refused.status, 400)
    t.ok(refused.json.errors.some((e: { code: string }) =>
      e.code === 'import_supplier_migration_not_ongoing'),
    'the supplier paused before the restart is still paused')
  })

test('nothing acknowledged is lost when the mock is killed outright',
  async t => {
    const dir = tempDir(t)
    const first = await startMock(t, dir)
    const expected: Array<[string, string | null]> = []
    for (let i = 1; i <= 24; i++) {
      const ext = `EXT-${i}`
      t.equal((await first.call('POST', STAGE, account(i))).status, 201)
      let number = null
      if (i % 4 === 0) {
        const done = await first.call('POST', PROCESS, {
          import_supplier_code: 'TENTACLE_ENERGY', external_account_number: ext
        })
        t.equal(done.status, 201)
        number = done.json.kraken_account_number as string
      }
      expected.push([ext, number])
    }
    // The last acknowledged answer was a write; the kill follows at once.
    first.child.kill('SIGKILL')
    await exited(first.child, 5000)

    const second = await startMock(t, dir)
    const listed = (await second.call('GET',
      '/v1/data-import/all-account-import-processes/TENTACLE_ENERGY/')).json
    t.strictSame(listed.map((p: any) =>
      [p.external_account_number, p.kraken_account_number]), expected)
  })
