import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fromRoot } from '../src/lib/paths.js'

// Starts the servers under test as child processes on loopback, so the
// measurements include a real process: its start-up, its sockets, its RSS.

export interface Server {
  name: string
  pid: number
  url: string
  // Milliseconds from spawn to the first 200 from the readiness route.
  readyMs: number
  stop(): Promise<void>
}

export interface ServerSpec {
  name: string
  args: string[]
  env?: Record<string, string>
}

export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null
        ? address.port
        : 0
      probe.close(() => resolve(port))
    })
  })
}

async function probeReady (url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_mock/ready`)
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}

const sleep = async (ms: number): Promise<void> =>
  await new Promise(resolve => setTimeout(resolve, ms))

async function waitForReady (child: ChildProcess, url: string,
  started: bigint, output: () => string): Promise<number> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited before ready: ${output().trim().slice(0, 400)}`)
    }
    if (await probeReady(url)) {
      return Number(process.hrtime.bigint() - started) / 1e6
    }
    await sleep(3)
  }
  throw new Error('not ready after 30 s')
}

export async function startServer (spec: ServerSpec): Promise<Server> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, spec.args, {
    cwd: fromRoot(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MOCK_JWT_SECRET: 'bench-secret-0123456789',
      NODE_ENV: 'production',
      ...spec.env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const keep = (chunk: Buffer): void => {
    if (output.length < 4000) output += chunk.toString('utf8')
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>(resolve => {
    child.once('exit', () => resolve())
  })

  async function stop (): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    }
  }

  try {
    const readyMs = await waitForReady(child, url, started, () => output)
    return { name: spec.name, pid: child.pid ?? 0, url, readyMs, stop }
  } catch (err) {
    await stop()
    throw new Error(`${spec.name}: ${(err as Error).message}`)
  }
}

// Resident set size of a process in MB, as the kernel counts it.
export function rssMb (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
  return kb === undefined ? NaN : Number(kb) / 1024
}

// CPU seconds a process has used (user + system), to tell how many cores
// a server kept busy during a measurement.
export function cpuSeconds (pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) / 100
}

export interface Entrypoints {
  mock: string[]
  baseline: string[]
  storeLoader: string[]
}

// The mock from the compiled build (what `npm start` runs), or from source
// through tsx for the bench's own smoke test.
export function entrypoints (source: boolean): Entrypoints {
  return {
    mock: source
      ? ['--import', 'tsx', fromRoot('src', 'server.ts')]
      : [fromRoot('dist', 'src', 'server.js')],
    baseline: source
      ? ['--import', 'tsx', fromRoot('bench', 'baseline.ts')]
      : [fromRoot('dist', 'bench', 'baseline.js')],
    storeLoader: source
      ? ['--import', 'tsx', fromRoot('bench', 'store-server.ts')]
      : [fromRoot('dist', 'bench', 'store-server.js')]
  }
}
