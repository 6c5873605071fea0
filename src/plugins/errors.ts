import type {
  FastifyError, FastifyInstance, FastifyReply, FastifyRequest
} from 'fastify'
import type { ErrorStyle } from '../config.js'
import {
  type FieldError, internalError, MockError, methodNotAllowed, parseError,
  payloadTooLarge, routeNotFound, unsupportedMediaType
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

// The older DRF style the GB contract's examples show: field errors as a
// dict that mirrors the payload, each field with its list of messages;
// list indexes become string keys, and an object's own errors sit under
// its `non_field_errors`. Codes are lost, as they are in that style.
interface ErrorNode { messages: string[], children: Map<string, ErrorNode> }

function toNested (node: ErrorNode): unknown {
  if (node.children.size === 0) return node.messages
  const out: Record<string, unknown> = {}
  for (const [key, child] of node.children) out[key] = toNested(child)
  if (node.messages.length > 0) {
    const own = out.non_field_errors
    out.non_field_errors = [...(Array.isArray(own) ? own : []),
      ...node.messages]
  }
  return out
}

export function nestFieldErrors (errors: FieldError[]):
Record<string, unknown> {
  const root: ErrorNode = { messages: [], children: new Map() }
  for (const error of errors) {
    const path = error.attr === '' ? 'non_field_errors' : error.attr
    let node = root
    for (const part of path.split('.')) {
      let child = node.children.get(part)
      if (child === undefined) {
        child = { messages: [], children: new Map() }
        node.children.set(part, child)
      }
      node = child
    }
    node.messages.push(error.detail)
  }
  const nested = toNested(root)
  return Array.isArray(nested) ? {} : nested as Record<string, unknown>
}

function isEnvelope (body: unknown): body is { errors: FieldError[] } {
  const errors = (body as { errors?: unknown } | null)?.errors
  return Array.isArray(errors) && errors.every(e =>
    typeof e?.attr === 'string' && typeof e?.detail === 'string')
}

// Validation envelopes are the only bodies the error style changes.
function inStyle (err: MockError, style: ErrorStyle): MockError {
  if (style !== 'nested' || !isEnvelope(err.body)) return err
  return new MockError(err.id, err.statusCode,
    nestFieldErrors(err.body.errors), err.headers)
}

export function installErrorHandling (app: FastifyInstance,
  opts: { bodyLimit: number, errorStyle?: ErrorStyle }): void {
  const style = opts.errorStyle ?? 'standard'
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
      send(reply, inStyle(err, style))
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
