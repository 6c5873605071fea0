// The mock's own surface, under /_mock/: nothing here exists on Kraken.
// Health and readiness stay open; the control routes may need the admin
// token.
import type { FastifyInstance } from 'fastify'
import { installAdminAuth } from '../../plugins/admin-auth.js'
import { clockRoutes } from './clock.js'
import { faultRoutes } from './faults.js'
import { journalRoutes } from './journal.js'
import { stateRoutes } from './state.js'
import { supplierRoutes } from './suppliers.js'
import { installControlValidation } from './validation.js'

const TAG = 'mock: health'

const status = (description: string, value: string) => ({
  description,
  type: 'object',
  properties: { status: { type: 'string', enum: [value] } }
})

async function controlRoutes (app: FastifyInstance): Promise<void> {
  installAdminAuth(app, app.config)
  await app.register(stateRoutes)
  await app.register(journalRoutes)
  await app.register(supplierRoutes)
  await app.register(faultRoutes)
  await app.register(clockRoutes)
}

export async function mockRoutes (app: FastifyInstance): Promise<void> {
  installControlValidation(app)

  app.get('/health', {
    schema: {
      tags: [TAG],
      summary: 'Answers while the process is alive',
      response: { 200: status('Alive', 'ok') }
    }
  }, async () => ({ status: 'ok' }))

  app.get('/ready', {
    schema: {
      tags: [TAG],
      summary: 'Answers 200 once the seed is loaded and the account schemas are ready',
      response: {
        200: status('Ready', 'ready'),
        503: status('Still starting', 'starting')
      }
    }
  }, async (_request, reply) => {
    if (!app.readiness.ready) {
      return reply.code(503).send({ status: 'starting' })
    }
    return { status: 'ready' }
  })

  await app.register(controlRoutes)
}
