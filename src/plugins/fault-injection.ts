// Applies injected faults and the processing concurrency limit to Kraken's
// routes. It runs as a preHandler, after authentication and body parsing,
// so a fault meets only requests Kraken would have served, and a payment
// failure can echo the identifiers it was sent.
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  graphqlTooManyRequests, type MockError, paymentVendorFailure, throttled
} from '../errors.js'
import type { FaultKind, Faults } from '../faults.js'
import { isKrakenPath, type Journal } from '../journal.js'
import { noteFault, recordRequest } from './request-journal.js'

export const PROCESS_ROUTE = '/v1/data-import/account-import-process/process/'

// The contract's 429 for processing: a concurrency limit, retry later.
const LIMIT_DETAIL = 'Too many accounts are being processed at once. ' +
  'Retry once other accounts have finished processing.'

function echoed (body: unknown): Record<string, string> {
  const from = typeof body === 'object' && body !== null
    ? body as Record<string, unknown>
    : {}
  const read = (key: string): string =>
    typeof from[key] === 'string' ? from[key] : ''
  return {
    external_account_number: read('external_account_number'),
    import_supplier: read('import_supplier'),
    reference: read('reference')
  }
}

function faultError (kind: Exclude<FaultKind, 'latency' | 'drop_connection'>,
  body: unknown): MockError {
  switch (kind) {
    case 'concurrency_limit': return throttled(LIMIT_DETAIL)
    case 'payment_retryable': return paymentVendorFailure(true, echoed(body))
    case 'payment_do_not_retry':
      return paymentVendorFailure(false, echoed(body))
    case 'graphql_too_many_requests': return graphqlTooManyRequests()
  }
}

// Sent as it is rather than thrown: GraphQL's route would wrap a thrown
// error in an error of its own.
function answer (reply: FastifyReply, err: MockError): FastifyReply {
  return reply.code(err.statusCode).headers(err.headers).send(err.body)
}

// The connection closes with no answer at all, as when a proxy gives up.
function dropConnection (journal: Journal, request: FastifyRequest,
  reply: FastifyReply): void {
  recordRequest(journal, request, null, reply.elapsedTime)
  reply.hijack()
  reply.raw.destroy()
}

export function installFaults (app: FastifyInstance, faults: Faults,
  journal: Journal): void {
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? ''
    if (!isKrakenPath(path)) return
    const route = request.routeOptions.url ?? null

    if (route === PROCESS_ROUTE && request.method === 'POST') {
      if (!faults.enterProcess()) {
        noteFault(request, 'process_concurrency_limit')
        return answer(reply, throttled(LIMIT_DETAIL))
      }
      // 'close' comes once the answer is sent or the client has gone.
      reply.raw.once('close', () => faults.leaveProcess())
    }

    const fired = faults.draw({ method: request.method, route, path })
    if (fired.length === 0) return
    for (const fault of fired) noteFault(request, fault.kind)
    request.log.info({ faults: fired.map(f => f.id) }, 'injected faults')
    const delay = fired.reduce((sum, f) => sum + (f.latencyMs ?? 0), 0)
    if (delay > 0) await sleep(delay)

    const answering = fired.find(f => f.kind !== 'latency')
    if (answering === undefined || answering.kind === 'latency') return
    if (answering.kind === 'drop_connection') {
      dropConnection(journal, request, reply)
      return reply
    }
    return answer(reply, faultError(answering.kind, request.body))
  })
}
