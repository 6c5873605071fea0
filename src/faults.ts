// Faults a test injects into Kraken's routes: added latency, Kraken's own
// failure answers and a dropped connection, each for the next N requests or
// with a probability. Faults name routes by URL, so they can target a route
// before it exists. Also the standing concurrency limit on processing,
// which Kraken can configure for a client.

export const FAULT_KINDS = [
  'latency',
  'concurrency_limit',
  'payment_retryable',
  'payment_do_not_retry',
  'graphql_too_many_requests',
  'drop_connection'
] as const

export type FaultKind = typeof FAULT_KINDS[number]

export const GRAPHQL_ROUTE = '/v1/graphql/'

export interface FaultSpec {
  // A route pattern (`:param` or `{param}`), a concrete path, or a prefix
  // ending in `*`.
  route: string
  method?: string | undefined
  kind: FaultKind
  latencyMs?: number | undefined
  times?: number | undefined
  probability?: number | undefined
}

export interface Fault {
  id: string
  route: string
  method: string | null
  kind: FaultKind
  latencyMs: number | null
  // Firings left; null fires until the fault is cleared.
  remaining: number | null
  probability: number
  fired: number
}

// What a request offers to match against.
export interface FaultTarget {
  method: string
  route: string | null
  path: string
}

export interface ProcessConcurrency {
  limit: number
  inFlight: number
}

export interface Faults {
  add(spec: FaultSpec): Fault
  list(): Fault[]
  remove(id: string): boolean
  // Removes every fault and puts the processing limit back as configured.
  clear(): void
  // The faults that fire for this request; each firing is used up. At most
  // one fault that answers fires; latencies all add up.
  draw(target: FaultTarget): Fault[]
  processConcurrency(): ProcessConcurrency
  setProcessLimit(limit: number): void
  // false when the limit is reached and processing must be refused.
  enterProcess(): boolean
  leaveProcess(): void
}

export interface FaultsOptions {
  processConcurrencyLimit: number
  random?: () => number
}

// The contract writes path parameters as {name}; Fastify as :name.
export function normaliseRoute (route: string): string {
  return route.replace(/\{([^}/]+)\}/g, ':$1')
}

function routeMatches (fault: Fault, target: FaultTarget): boolean {
  const { route } = fault
  if (route.endsWith('*')) return target.path.startsWith(route.slice(0, -1))
  return route === target.route || route === target.path
}

export function createFaults (options: FaultsOptions): Faults {
  const random = options.random ?? Math.random
  let faults: Fault[] = []
  let nextId = 1
  let limit = options.processConcurrencyLimit
  let inFlight = 0

  function fires (fault: Fault, target: FaultTarget): boolean {
    if (fault.method !== null && fault.method !== target.method) return false
    if (!routeMatches(fault, target)) return false
    return random() < fault.probability
  }

  return {
    add (spec) {
      // Without a count or a probability, a fault fires once.
      const unlimited = spec.times === undefined &&
        spec.probability !== undefined
      const fault: Fault = {
        id: `fault-${nextId++}`,
        route: normaliseRoute(spec.route),
        method: spec.method?.toUpperCase() ?? null,
        kind: spec.kind,
        latencyMs: spec.kind === 'latency' ? spec.latencyMs ?? 0 : null,
        remaining: unlimited ? null : spec.times ?? 1,
        probability: spec.probability ?? 1,
        fired: 0
      }
      faults.push(fault)
      return { ...fault }
    },
    list: () => faults.map(f => ({ ...f })),
    remove (id) {
      const before = faults.length
      faults = faults.filter(f => f.id !== id)
      return faults.length < before
    },
    clear () {
      faults = []
      limit = options.processConcurrencyLimit
    },
    draw (target) {
      const fired: Fault[] = []
      let answered = false
      for (const fault of faults) {
        const answers = fault.kind !== 'latency'
        if (answers && answered) continue
        if (!fires(fault, target)) continue
        fault.fired++
        if (fault.remaining !== null) fault.remaining--
        if (answers) answered = true
        fired.push({ ...fault })
      }
      if (fired.length > 0) faults = faults.filter(f => f.remaining !== 0)
      return fired
    },
    processConcurrency: () => ({ limit, inFlight }),
    setProcessLimit (value) {
      limit = value
    },
    enterProcess () {
      if (limit > 0 && inFlight >= limit) return false
      inFlight++
      return true
    },
    leaveProcess () {
      inFlight = Math.max(0, inFlight - 1)
    }
  }
}
