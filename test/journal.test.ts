import { test } from 'tap'
import {
  createJournal, type JournalEntry, type NewJournalEntry
} from '../src/journal.js'

function entry (overrides: Partial<NewJournalEntry> = {}): NewJournalEntry {
  return {
    at: '2030-01-01T00:00:00.000Z',
    requestId: 'r',
    method: 'POST',
    path: '/v1/data-import/validate-account/',
    route: '/v1/data-import/validate-account/',
    operation: null,
    supplier: 'TENTACLE_ENERGY',
    externalAccountNumber: 'EXT-1',
    status: 200,
    code: null,
    errors: [],
    warnings: [],
    faults: [],
    durationMs: 1,
    ...overrides
  }
}

const ids = (entries: JournalEntry[]): string[] =>
  entries.map(e => e.requestId)

test('a full journal drops its oldest entry for each new one', t => {
  const journal = createJournal(3)
  for (const id of ['a', 'b', 'c', 'd', 'e']) {
    journal.record(entry({ requestId: id }))
  }
  t.strictSame(ids(journal.list()), ['c', 'd', 'e'])
  t.strictSame(journal.list().map(e => e.sequence), [3, 4, 5])
  t.strictSame(journal.stats(), { capacity: 3, size: 3, evicted: 2 })
  t.end()
})

test('a journal of size 0 keeps nothing', t => {
  const journal = createJournal(0)
  t.equal(journal.record(entry()), undefined)
  t.strictSame(journal.list(), [])
  t.end()
})

test('clearing empties the journal and says how many entries went', t => {
  const journal = createJournal(2)
  for (const id of ['a', 'b', 'c']) journal.record(entry({ requestId: id }))
  t.equal(journal.clear(), 2)
  t.strictSame(journal.stats(), { capacity: 2, size: 0, evicted: 0 })
  journal.record(entry({ requestId: 'd' }))
  t.strictSame(ids(journal.list()), ['d'])
  t.end()
})

test('filters combine, and limit keeps the newest matches', t => {
  const journal = createJournal(10)
  journal.record(entry({ requestId: 'a', status: 201 }))
  journal.record(entry({
    requestId: 'b',
    status: 400,
    method: 'GET',
    path: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/EXT-2/',
    route: '/v1/data-import/account-transfer-status/' +
      ':import_supplier_code/:external_account_number/',
    externalAccountNumber: 'EXT-2'
  }))
  journal.record(entry({
    requestId: 'c',
    status: 429,
    supplier: 'TENTACLE_MANUAL',
    at: '2030-01-01T00:10:00.000Z'
  }))
  journal.record(entry({ requestId: 'd', status: null }))

  t.strictSame(ids(journal.list({ status: '4xx' })), ['b', 'c'])
  t.strictSame(ids(journal.list({ status: '429' })), ['c'])
  t.strictSame(ids(journal.list({ method: 'get' })), ['b'])
  t.strictSame(ids(journal.list({ account: 'EXT-2' })), ['b'])
  t.strictSame(ids(journal.list({ supplier: 'TENTACLE_MANUAL' })), ['c'])
  t.strictSame(ids(journal.list({
    path: '/v1/data-import/account-transfer-status/'
  })), ['b'])
  t.strictSame(ids(journal.list({
    path: '/v1/data-import/account-transfer-status/' +
      ':import_supplier_code/:external_account_number/'
  })), ['b'])
  t.strictSame(ids(journal.list({
    since: Date.parse('2030-01-01T00:05:00Z')
  })), ['c'])
  t.strictSame(ids(journal.list({ limit: 2 })), ['c', 'd'])
  t.strictSame(ids(journal.list({ status: '4xx', limit: 1 })), ['c'])
  t.end()
})

test('a journal kept by the store survives a new journal over it', t => {
  let rows: string[] = []
  const backing = {
    append (json: string, keep: number) { rows = [...rows, json].slice(-keep) },
    list: () => rows,
    clear () { rows = [] }
  }
  const first = createJournal(2, backing)
  for (const id of ['a', 'b', 'c']) first.record(entry({ requestId: id }))
  t.strictSame(first.stats(), { capacity: 2, size: 2, evicted: 1 })

  const reopened = createJournal(2, backing)
  reopened.record(entry({ requestId: 'd' }))
  t.strictSame(ids(reopened.list()), ['c', 'd'])
  t.strictSame(reopened.list().map(e => e.sequence), [3, 4])
  t.strictSame(ids(reopened.list({ limit: 1 })), ['d'])
  t.equal(reopened.clear(), 2)
  t.strictSame(rows, [])
  t.end()
})

test('an entry is numbered first and keeps every field it was given', t => {
  let rows: string[] = []
  const backing = {
    append (json: string) { rows = [...rows, json] },
    list: () => rows,
    clear () { rows = [] }
  }
  const given = entry({
    operation: 'obtainKrakenToken',
    code: 'account_failed_validation',
    errors: [{ code: 'required', attr: 'customers' }],
    warnings: ['ledgers'],
    faults: ['latency']
  })
  const fields = ['sequence', ...Object.keys(given)]
  // In memory and as the persistent store keeps it (JSON, key order too).
  t.strictSame(Object.keys(createJournal(5).record(given) ?? {}), fields)
  t.strictSame(createJournal(5, backing).record(given),
    { sequence: 1, ...given })
  t.strictSame(Object.keys(JSON.parse(rows[0] ?? '{}')), fields)
  t.strictSame(JSON.parse(rows[0] ?? '{}'), { sequence: 1, ...given })
  t.end()
})
