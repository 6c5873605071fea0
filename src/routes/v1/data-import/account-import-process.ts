// POST /v1/data-import/account-import-process/create-or-update/
// POST /v1/data-import/account-import-process/process/
import type { FastifyInstance } from 'fastify'
import { reportUndocumented } from '../../kraken.js'

export async function accountImportProcessRoutes (app: FastifyInstance):
Promise<void> {
  app.post('/v1/data-import/account-import-process/create-or-update/',
    async (request, reply) => {
      const staged = app.accounts.stageAccount(request.body)
      reportUndocumented(reply, staged.warnings)
      return reply.code(staged.created ? 201 : 200).send(staged.body)
    })

  app.post('/v1/data-import/account-import-process/process/',
    async (request, reply) => {
      const processed = app.accounts.processAccount(request.body)
      reportUndocumented(reply, processed.warnings)
      return reply.code(201).send(processed.body)
    })
}
