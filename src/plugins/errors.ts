import type {
  FastifyError, FastifyInstance, FastifyReply, FastifyRequest
} from 'fastify'
import {
  internalError, MockError, methodNotAllowed, parseError, payloadTooLarge,
  routeNotFound, unsupportedMediaType
} from '../errors.js'

// One place turns every failure into Kraken's (or DRF's) JSON envelope:
// a client never sees Fastify's own error shape, an HTML page or a stack.

interface KnownRoute { method: string, pattern: RegExp }

function toPattern (url: string): RegExp {
  const body = url.split('/').map(segment =>
    segment.startsWith(':')
      ? '[^/]+'
      : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('/')
  return new RegExp(`^${body}$`)
}

function fromFastify (err: FastifyError, request: FastifyRequest,
  bodyLimit: number): MockError {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge(bodyLimit)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(request.headers['content-type'] ?? '')
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return parseError('the declared body length does not match the body')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return parseError('the body is empty')
    default:
      if (err.statusCode === 400) return parseError(err.message)
      return internalError()
  }
}

function send (reply: FastifyReply, err: MockError): void {
  reply.code(err.statusCode).headers(err.headers).send(err.body)
}

export function installErrorHandling (app: FastifyInstance,
  opts: { bodyLimit: number }): void {
  const routes: KnownRoute[] = []
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      routes.push({ method, pattern: toPattern(route.url) })
    }
  })

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof MockError) {
      if (err.statusCode >= 500) request.log.error({ err }, 'server fault')
      else request.log.info({ code: err.id }, 'client error')
      send(reply, err)
      return
    }
    const mapped = fromFastify(err, request, opts.bodyLimit)
    if (mapped.statusCode >= 500) {
      request.log.error({ err }, 'unexpected error')
    } else {
      request.log.info({ code: err.code }, 'client error')
    }
    send(reply, mapped)
  })

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const [path = '', query] = request.url.split(/\?(.*)/s)
    const method = request.method === 'HEAD' ? 'GET' : request.method
    const matches = (p: string): KnownRoute[] =>
      routes.filter(r => r.pattern.test(p))

    // Django's APPEND_SLASH: the slash-less path redirects, never serves.
    if (!path.endsWith('/') && matches(path + '/').length > 0) {
      const location = path + '/' + (query === undefined ? '' : `?${query}`)
      reply.code(301).header('location', location).send()
      return
    }
    const sameRoute = matches(path)
    if (sameRoute.length > 0 && !sameRoute.some(r => r.method === method)) {
      const allow = [...new Set(sameRoute.map(r => r.method))]
      reply.header('allow', allow.join(', '))
      send(reply, methodNotAllowed(request.method))
      return
    }
    send(reply, routeNotFound())
  })
}
