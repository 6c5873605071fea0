// The request journal: every request to Kraken's routes and how the mock
// answered it, so a test can check what its pipeline really sent. It is a
// ring buffer: once full, the oldest entry makes room for the newest, so a
// long run never grows memory without limit. It keeps no headers, bodies
// or GraphQL variables, so no credential can end up in it. The hooks that
// fill it are in plugins/request-journal.ts.
import type { JournalStore } from './store/types.js'

export interface JournalError {
  code: string | null
  attr: string | null
}

export interface JournalEntry {
  sequence: number
  // When the request arrived, on the mock's clock.
  at: string
  requestId: string
  method: string
  // The path without its query string.
  path: string
  // The route pattern that served it; null when no route matched.
  route: string | null
  // The GraphQL field asked for (never the query text or its variables).
  operation: string | null
  supplier: string | null
  externalAccountNumber: string | null
  // null when the mock dropped the connection instead of answering.
  status: number | null
  code: string | null
  errors: JournalError[]
  // Undocumented fields the mock dropped from the payload.
  warnings: string[]
  faults: string[]
  durationMs: number
}

export type NewJournalEntry = Omit<JournalEntry, 'sequence'>

export interface JournalFilter {
  // A path prefix, or a route pattern as the mock lists it.
  path?: string
  method?: string
  // An exact status (429) or a class (4xx).
  status?: string
  supplier?: string
  account?: string
  // Entries at or after this instant (ms since the epoch).
  since?: number
  // Only the newest entries that match.
  limit?: number
}

export interface JournalStats {
  capacity: number
  size: number
  // Entries pushed out by newer ones since the journal was last cleared.
  evicted: number
}

export interface Journal {
  record(entry: NewJournalEntry): JournalEntry | undefined
  list(filter?: JournalFilter): JournalEntry[]
  clear(): number
  stats(): JournalStats
}

export function isKrakenPath (path: string): boolean {
  return path.startsWith('/v1/') || path.startsWith('/v2/')
}

function statusMatches (status: number | null, wanted: string): boolean {
  if (status === null) return false
  const text = String(status)
  if (/^\dxx$/i.test(wanted)) return text[0] === wanted[0]
  return text === wanted
}

function matches (entry: JournalEntry, filter: JournalFilter): boolean {
  const { path, method, status, supplier, account, since } = filter
  if (path !== undefined && !entry.path.startsWith(path) &&
    entry.route !== path) return false
  if (method !== undefined &&
    entry.method !== method.toUpperCase()) return false
  if (status !== undefined && !statusMatches(entry.status, status)) {
    return false
  }
  if (supplier !== undefined && entry.supplier !== supplier) return false
  if (account !== undefined &&
    entry.externalAccountNumber !== account) return false
  if (since !== undefined && Date.parse(entry.at) < since) return false
  return true
}

function select (entries: JournalEntry[], filter: JournalFilter):
JournalEntry[] {
  const found = entries.filter(e => matches(e, filter))
  const { limit } = filter
  if (limit === undefined) return found
  return found.slice(Math.max(0, found.length - limit))
}

// The entry with its sequence number first. Written field by field: V8
// builds `{ sequence, ...entry }` on a slow path (docs/performance.md),
// and every request to Kraken's routes makes one. A field added to
// JournalEntry must be added here too.
function numbered (sequence: number, entry: NewJournalEntry): JournalEntry {
  return {
    sequence,
    at: entry.at,
    requestId: entry.requestId,
    method: entry.method,
    path: entry.path,
    route: entry.route,
    operation: entry.operation,
    supplier: entry.supplier,
    externalAccountNumber: entry.externalAccountNumber,
    status: entry.status,
    code: entry.code,
    errors: entry.errors,
    warnings: entry.warnings,
    faults: entry.faults,
    durationMs: entry.durationMs
  }
}

// A persistent store may keep the entries (MOCK_PERSIST_JOURNAL), as JSON
// text, trimming to the newest `capacity` itself.
function createStoredJournal (capacity: number, backing: JournalStore):
Journal {
  const read = (): JournalEntry[] =>
    backing.list().map(text => JSON.parse(text) as JournalEntry)
  const existing = read()
  let nextSequence = (existing.at(-1)?.sequence ?? 0) + 1
  let recorded = existing.length

  return {
    record (entry) {
      if (capacity === 0) return undefined
      const stored = numbered(nextSequence++, entry)
      backing.append(JSON.stringify(stored), capacity)
      recorded++
      return stored
    },
    list: (filter = {}) => select(read(), filter),
    clear () {
      const cleared = read().length
      backing.clear()
      recorded = 0
      return cleared
    },
    stats () {
      const size = read().length
      return { capacity, size, evicted: recorded - size }
    }
  }
}

// capacity 0 turns the journal off: nothing is kept.
export function createJournal (capacity: number,
  backing?: JournalStore): Journal {
  if (backing !== undefined) return createStoredJournal(capacity, backing)
  // Grows up to capacity, then wraps: `start` is the oldest entry's slot.
  let slots: JournalEntry[] = []
  let start = 0
  let nextSequence = 1
  let evicted = 0

  function ordered (): JournalEntry[] {
    return slots.slice(start).concat(slots.slice(0, start))
  }

  return {
    record (entry) {
      if (capacity === 0) return undefined
      const stored = numbered(nextSequence++, entry)
      if (slots.length < capacity) {
        slots.push(stored)
      } else {
        slots[start] = stored
        start = (start + 1) % capacity
        evicted++
      }
      return stored
    },
    list: (filter = {}) => select(ordered(), filter),
    clear () {
      const cleared = slots.length
      slots = []
      start = 0
      evicted = 0
      return cleared
    },
    stats: () => ({ capacity, size: slots.length, evicted })
  }
}
