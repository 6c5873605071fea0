import Fastify from 'fastify'

// The yardstick: a bare Fastify server that parses the same JSON bodies on
// the same paths and validates nothing. Ratios against it carry from one
// machine (or one load) to another; absolute numbers do not.
const app = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 })

app.get('/_mock/ready', async () => ({ status: 'ready' }))

app.route({
  method: ['GET', 'POST'],
  url: '/*',
  handler: async (request, reply) => {
    if (request.method === 'GET') return { status: 'ok' }
    // Touch the parsed body so no engine can skip the parse.
    if (request.body === undefined) return await reply.code(400).send()
    return await reply.code(200).send()
  }
})

await app.listen({
  port: Number(process.env.PORT ?? 0),
  host: process.env.HOST ?? '127.0.0.1'
})

process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0), () => process.exit(1))
})
