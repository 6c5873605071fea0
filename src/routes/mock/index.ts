// The mock's own surface, under /_mock/: nothing here exists on Kraken.
import type { FastifyInstance } from 'fastify'

export async function mockRoutes (app: FastifyInstance): Promise<void> {
  app.get('/health', async () => ({ status: 'ok' }))

  app.get('/ready', async (_request, reply) => {
    if (!app.readiness.ready) {
      return reply.code(503).send({ status: 'starting' })
    }
    return { status: 'ready' }
  })
}
