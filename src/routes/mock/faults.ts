// GET, POST and DELETE /_mock/faults, DELETE /_mock/faults/{id},
// PUT /_mock/faults/process-concurrency-limit
// Faults make chosen Kraken routes slow, refuse or drop the connection,
// for the next N requests or with a probability.
import type { FastifyInstance } from 'fastify'
import { controlNotFound, controlRequestInvalid } from '../../errors.js'
import {
  FAULT_KINDS, type FaultSpec, GRAPHQL_ROUTE, normaliseRoute
} from '../../faults.js'
import { controlResponses, controlSchema } from './schemas.js'

const TAG = 'mock: faults'

const fault = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    route: { type: 'string' },
    method: { type: ['string', 'null'] },
    kind: { type: 'string', enum: FAULT_KINDS },
    latencyMs: { type: ['integer', 'null'] },
    remaining: { type: ['integer', 'null'] },
    probability: { type: 'number' },
    fired: { type: 'integer' }
  }
}

const concurrency = {
  type: 'object',
  properties: {
    limit: { type: 'integer' },
    inFlight: { type: 'integer' }
  }
}

const faultBody = {
  type: 'object',
  additionalProperties: false,
  required: ['route', 'kind'],
  properties: {
    route: {
      type: 'string',
      pattern: '^/v[12]/',
      description: 'A Kraken route pattern (:param or {param}), a path, ' +
        'or a prefix ending in *'
    },
    method: {
      type: 'string',
      enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
    },
    kind: { type: 'string', enum: FAULT_KINDS },
    latencyMs: { type: 'integer', minimum: 0, maximum: 60_000 },
    times: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    probability: { type: 'number', exclusiveMinimum: 0, maximum: 1 }
  },
  if: { properties: { kind: { const: 'latency' } } },
  then: { required: ['latencyMs'] },
  examples: [{
    route: '/v1/data-import/account-import-process/process/',
    kind: 'concurrency_limit',
    times: 1
  }]
}

// GraphQL and REST fail in different shapes; a fault must fit its route.
function checkFits (spec: FaultSpec): void {
  const graphql = normaliseRoute(spec.route) === GRAPHQL_ROUTE
  const restOnly = ['concurrency_limit', 'payment_retryable',
    'payment_do_not_retry'].includes(spec.kind)
  const wrong = (graphql && restOnly) ||
    (!graphql && spec.kind === 'graphql_too_many_requests')
  if (!wrong) return
  throw controlRequestInvalid([{
    detail: graphql
      ? `A ${spec.kind} fault answers like a REST route; use ` +
        'graphql_too_many_requests for the GraphQL endpoint.'
      : `graphql_too_many_requests applies to ${GRAPHQL_ROUTE} only.`,
    code: 'invalid_choice',
    attr: 'kind'
  }])
}

export async function faultRoutes (app: FastifyInstance): Promise<void> {
  const { faults } = app

  app.get('/faults', {
    schema: controlSchema(TAG, 'List active faults and the processing limit', {
      response: controlResponses({
        description: 'Active faults, in the order they are tried',
        type: 'object',
        properties: {
          faults: { type: 'array', items: fault },
          processConcurrency: concurrency
        }
      })
    })
  }, async () => ({
    faults: faults.list(),
    processConcurrency: faults.processConcurrency()
  }))

  app.post<{ Body: FaultSpec }>('/faults', {
    schema: controlSchema(TAG, 'Inject a fault into a Kraken route', {
      body: faultBody,
      response: controlResponses({ description: 'The fault', ...fault },
        { 400: 'Not a valid fault' }, 201)
    })
  }, async (request, reply) => {
    checkFits(request.body)
    const added = faults.add(request.body)
    request.log.info({ fault: added }, 'fault injected')
    return reply.code(201).send(added)
  })

  app.delete('/faults', {
    schema: controlSchema(TAG, 'Clear every fault; the processing limit ' +
      'goes back to its configured value', {
      response: controlResponses({
        description: 'How many faults were removed',
        type: 'object',
        properties: { cleared: { type: 'integer' } }
      })
    })
  }, async (request) => {
    const cleared = faults.list().length
    faults.clear()
    request.log.info({ cleared }, 'faults cleared')
    return { cleared }
  })

  app.delete<{ Params: { id: string } }>('/faults/:id', {
    schema: controlSchema(TAG, 'Clear one fault', {
      params: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' } }
      },
      response: controlResponses({
        description: 'The fault was removed',
        type: 'object',
        properties: { removed: { type: 'string' } }
      }, { 404: 'No such fault' })
    })
  }, async (request) => {
    const { id } = request.params
    if (!faults.remove(id)) throw controlNotFound(`There is no fault "${id}".`)
    return { removed: id }
  })

  app.put<{ Body: { limit: number } }>('/faults/process-concurrency-limit', {
    schema: controlSchema(TAG, 'Set how many accounts may be processed at ' +
      'once (0: no limit); past it, processing answers 429', {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['limit'],
        properties: {
          limit: { type: 'integer', minimum: 0, maximum: 100_000 }
        },
        examples: [{ limit: 1 }]
      },
      response: controlResponses(
        { description: 'The limit and the accounts in flight', ...concurrency },
        { 400: 'Not a valid limit' })
    })
  }, async (request) => {
    faults.setProcessLimit(request.body.limit)
    request.log.info({ limit: request.body.limit }, 'processing limit set')
    return faults.processConcurrency()
  })
}
