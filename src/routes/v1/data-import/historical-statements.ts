// V1 Create Historical Statements:
// POST /v1/data-import/historical-statements/create/
import type { FastifyInstance } from 'fastify'
import {
  createStatementImport
} from '../../../domain/post-import/historical-statements.js'
import { reportUndocumented } from '../../kraken.js'

export async function historicalStatementsRoutes (app: FastifyInstance):
Promise<void> {
  const statements = createStatementImport(app)

  app.post('/v1/data-import/historical-statements/create/',
    async (request, reply) => {
      const created = statements.createStatements(request.body)
      reportUndocumented(reply, created.warnings)
      if (created.pathsUnchecked) {
        request.log.warn({ limitation: 'document_existence_not_checked' },
          'document paths accepted without checking the file store')
      }
      return reply.code(201).send(created.body)
    })
}
