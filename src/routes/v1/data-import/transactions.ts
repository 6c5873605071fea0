// V1 Create Transactions: POST /v1/data-import/transactions/create/
import type { FastifyInstance } from 'fastify'
import {
  createTransactionImport
} from '../../../domain/post-import/transactions.js'
import { reportUndocumented } from '../../kraken.js'

export async function transactionsRoutes (app: FastifyInstance):
Promise<void> {
  const transactions = createTransactionImport(app)

  app.post('/v1/data-import/transactions/create/', async (request, reply) => {
    const outcome = transactions.createTransactions(request.body,
      request.query)
    reportUndocumented(reply, outcome.warnings)
    // A dry run creates nothing, so it is not a 201.
    return reply.code(outcome.dryRun ? 200 : 201).send(outcome.body)
  })
}
