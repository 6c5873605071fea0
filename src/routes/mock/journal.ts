// GET /_mock/journal, DELETE /_mock/journal
// What reached Kraken's routes and how each request was answered, oldest
// first, filtered.
import type { FastifyInstance } from 'fastify'
import type { JournalFilter } from '../../journal.js'
import { controlResponses, controlSchema, dateTime } from './schemas.js'

const TAG = 'mock: journal'

interface Query {
  path?: string
  method?: string
  status?: string
  supplier?: string
  account?: string
  since?: string
  limit?: number
}

const nullableText = { type: ['string', 'null'] }

const entry = {
  type: 'object',
  properties: {
    sequence: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    requestId: { type: 'string' },
    method: { type: 'string' },
    path: { type: 'string' },
    route: nullableText,
    operation: nullableText,
    supplier: nullableText,
    externalAccountNumber: nullableText,
    status: { type: ['integer', 'null'] },
    code: nullableText,
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { code: nullableText, attr: nullableText }
      }
    },
    warnings: { type: 'array', items: { type: 'string' } },
    faults: { type: 'array', items: { type: 'string' } },
    durationMs: { type: 'integer' }
  }
}

const stats = {
  capacity: { type: 'integer' },
  size: { type: 'integer' },
  evicted: { type: 'integer' }
}

const query = {
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string', description: 'A path prefix or a route pattern' },
    method: { type: 'string' },
    status: {
      type: 'string',
      pattern: '^[1-5](\\d\\d|xx|XX)$',
      description: 'An exact status (429) or a class (4xx)'
    },
    supplier: { type: 'string' },
    account: { type: 'string', description: 'External account number' },
    since: { ...dateTime, description: 'Entries at or after this instant' },
    limit: { type: 'integer', minimum: 1, description: 'Newest N only' }
  }
}

export async function journalRoutes (app: FastifyInstance): Promise<void> {
  const { journal } = app

  app.get<{ Querystring: Query }>('/journal', {
    schema: controlSchema(TAG, 'Read the request journal', {
      querystring: query,
      response: controlResponses({
        description: 'Matching entries, oldest first',
        type: 'object',
        properties: { ...stats, entries: { type: 'array', items: entry } }
      }, { 400: 'A filter is not valid' })
    })
  }, async (request) => {
    const { since, ...rest } = request.query
    const filter: JournalFilter = { ...rest }
    if (since !== undefined) filter.since = Date.parse(since)
    return { ...journal.stats(), entries: journal.list(filter) }
  })

  app.delete('/journal', {
    schema: controlSchema(TAG, 'Empty the request journal', {
      response: controlResponses({
        description: 'How many entries were removed',
        type: 'object',
        properties: { cleared: { type: 'integer' } }
      })
    })
  }, async (request) => {
    const cleared = journal.clear()
    request.log.info({ cleared }, 'journal cleared')
    return { cleared }
  })
}
