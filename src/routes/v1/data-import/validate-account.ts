// POST /v1/data-import/validate-account/
import type { FastifyInstance } from 'fastify'
import { reportUndocumented } from '../../kraken.js'

export async function validateAccountRoutes (app: FastifyInstance):
Promise<void> {
  app.post('/v1/data-import/validate-account/', async (request, reply) => {
    const { value, warnings } = app.accounts.validateAccount(request.body)
    reportUndocumented(reply, warnings)
    return value
  })
}
