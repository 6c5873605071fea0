// POST /v2/data-import/accounts/validate/
import type { FastifyInstance } from 'fastify'
import { reportUndocumented } from '../../kraken.js'

export async function v2AccountRoutes (app: FastifyInstance): Promise<void> {
  app.post('/v2/data-import/accounts/validate/', async (request, reply) => {
    const { warnings } = app.accounts.validateV2Account(request.body)
    reportUndocumented(reply, warnings)
    return reply.code(200).send()
  })
}
