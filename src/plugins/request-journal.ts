// Records each request to Kraken's routes in the journal: who it was for
// (supplier, external account), how it was answered (status, error codes
// and attrs, dropped fields) and which injected faults it met.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../clock.js'
import {
  isKrakenPath, type Journal, type JournalEntry, type JournalError
} from '../journal.js'
import { UNDOCUMENTED_HEADER } from '../routes/kraken.js'

// What one request has collected by the time it is answered.
interface Note {
  at: string
  // The URL's path, without its query.
  path: string
  faults: string[]
  outcome?: Pick<JournalEntry, 'code' | 'errors' | 'warnings'>
}

declare module 'fastify' {
  interface FastifyRequest {
    // Set as a request to Kraken's routes arrives; null for any other and
    // once recorded. A request property rather than a WeakMap keyed by the
    // request: every request sets one, and a WeakMap entry per request
    // measured about 3 % of a request's time.
    journalNote: Note | null
  }
}

type Json = Record<string, unknown>
const MAX_ITEMS = 50
const MAX_TEXT = 200
const GRAPHQL_PATH = '/v1/graphql/'

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | null =>
  typeof v === 'string' ? v.slice(0, MAX_TEXT) : null
const pathOf = (url: string): string => url.split('?', 1)[0] ?? url

export function noteFault (request: FastifyRequest, kind: string): void {
  request.journalNote?.faults.push(kind)
}

function readError (e: unknown): JournalError {
  if (!isObject(e)) return { code: null, attr: null }
  const ext = isObject(e.extensions) ? e.extensions : {}
  const input = Array.isArray(ext.validationErrors) &&
    isObject(ext.validationErrors[0])
    ? ext.validationErrors[0].inputPath
    : null
  const path = Array.isArray(input) ? input : e.path
  return {
    code: text(e.code) ?? text(ext.errorCode),
    attr: text(e.attr) ?? (Array.isArray(path) ? text(path.join('.')) : null)
  }
}

// DRF's nested style and Kraken's own shapes put messages under the field
// they concern, or an object with a code.
function nestedErrors (value: Json | unknown[], prefix: string,
  out: JournalError[], depth = 0): JournalError[] {
  for (const [key, v] of Object.entries(value)) {
    if (out.length >= MAX_ITEMS || depth > 8) break
    if (prefix === '' && (key === 'detail' || key === 'code')) continue
    const attr = text(prefix === '' ? key : `${prefix}.${key}`)
    if (Array.isArray(v) && v.every(m => typeof m === 'string')) {
      out.push({ code: null, attr })
    } else if (isObject(v) && typeof v.code === 'string') {
      out.push({ code: text(v.code), attr })
    } else if (isObject(v) || Array.isArray(v)) {
      nestedErrors(v, attr ?? '', out, depth + 1)
    }
  }
  return out
}

function readOutcome (note: Note, reply: FastifyReply,
  payload: unknown): NonNullable<Note['outcome']> {
  const header = reply.getHeader(UNDOCUMENTED_HEADER)
  const warnings = typeof header === 'string'
    ? header.split(', ').slice(0, MAX_ITEMS).map(w => w.slice(0, MAX_TEXT))
    : []
  const worthReading = reply.statusCode >= 400 || note.path === GRAPHQL_PATH
  let body: unknown
  const readable = typeof payload === 'string' || Buffer.isBuffer(payload)
  if (worthReading && readable && payload.length < 1_000_000) {
    try { body = JSON.parse(payload.toString()) } catch { body = undefined }
  }
  if (!isObject(body)) return { code: null, errors: [], warnings }
  const errors = Array.isArray(body.errors)
    ? body.errors.slice(0, MAX_ITEMS).map(readError)
    : nestedErrors(body, '', [])
  return { code: text(body.code), errors, warnings }
}

function pick (request: FastifyRequest, keys: string[]): string | null {
  const body = request.body
  const sources = [request.params, body, isObject(body) ? body.payload : null]
  for (const source of sources) {
    if (!isObject(source)) continue
    for (const key of keys) {
      if (typeof source[key] === 'string') return text(source[key])
    }
  }
  return null
}

// The first field of the query names the operation; its arguments may hold
// a key or password, so nothing else of the query is kept.
function operationOf (request: FastifyRequest, path: string): string | null {
  if (path !== GRAPHQL_PATH) return null
  const from = isObject(request.body) ? request.body : request.query
  const query = isObject(from) ? text(from.query) : null
  return query?.match(/\{\s*(?:\w+\s*:\s*)?(\w+)/)?.[1] ?? null
}

// A note for a request to Kraken's routes, arriving now; null for any
// other path.
function noteFor (clock: Clock, url: string): Note | null {
  const path = pathOf(url)
  if (!isKrakenPath(path)) return null
  return { at: clock.now().toISOString(), path, faults: [], outcome: undefined }
}

function record (journal: Journal, request: FastifyRequest, note: Note,
  route: string | null, status: number | null, durationMs: number): void {
  journal.record({
    at: note.at,
    requestId: request.id,
    method: request.method,
    path: text(note.path) ?? '',
    route,
    operation: operationOf(request, note.path),
    supplier: pick(request, ['import_supplier_code', 'import_supplier']),
    externalAccountNumber: pick(request,
      ['external_account_number', 'external_identifier']),
    status,
    code: note.outcome?.code ?? null,
    errors: note.outcome?.errors ?? [],
    warnings: note.outcome?.warnings ?? [],
    faults: note.faults,
    durationMs: Math.round(durationMs)
  })
}

// Records a request once it is answered, or dropped (status null).
export function recordRequest (journal: Journal, request: FastifyRequest,
  status: number | null, durationMs: number): void {
  const note = request.journalNote
  if (note === null) return
  request.journalNote = null
  record(journal, request, note, request.routeOptions.url ?? null, status,
    durationMs)
}

// A request Fastify answers before routing (a path that is not valid
// percent-encoding) passes no hook and has no route, so its answer is
// recorded here.
export function recordUnrouted (journal: Journal, clock: Clock,
  request: FastifyRequest, reply: FastifyReply, code: string): void {
  const note = noteFor(clock, request.url)
  if (note === null) return
  note.outcome = { code, errors: [], warnings: [] }
  record(journal, request, note, null, reply.statusCode, reply.elapsedTime)
}

// Callback-style hooks: they never wait, and every request passes them.
export function installJournal (app: FastifyInstance, journal: Journal,
  clock: Clock): void {
  app.decorateRequest('journalNote', null)
  app.addHook('onRequest', (request, _reply, done) => {
    request.journalNote = noteFor(clock, request.url)
    done()
  })
  app.addHook('onSend', (request, reply, payload, done) => {
    const note = request.journalNote
    if (note !== null) note.outcome = readOutcome(note, reply, payload)
    done(null, payload)
  })
  app.addHook('onResponse', (request, reply, done) => {
    recordRequest(journal, request, reply.statusCode, reply.elapsedTime)
    done()
  })
}
