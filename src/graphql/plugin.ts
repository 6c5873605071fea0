// Kraken's GraphQL endpoint, POST /v1/graphql/, reduced to obtainKrakenToken.
// Errors answer 200 with the field null and Kraken's `extensions`.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import mercurius from 'mercurius'
import {
  readAuthorizationHeader, type HeaderTokens
} from '../auth/rest-auth.js'
import {
  KrakenAuthError, type ObtainTokenInput, type ObtainTokenResult,
  type TokenService
} from '../auth/tokens.js'
import { GenericScalar, schema } from './schema.js'

export interface GraphqlPluginOptions {
  tokens: Pick<TokenService, 'obtainToken'> & HeaderTokens
  version?: string
}

interface AuthContext extends mercurius.MercuriusContext {
  authFailure: KrakenAuthError | null
}

function jwtExpired (): KrakenAuthError {
  return new KrakenAuthError('KT-CT-1124', 'AUTHORIZATION',
    'Signature of the JWT has expired.',
    'The JWT in the Authorization header has expired. Obtain a new one ' +
    'with obtainKrakenToken, without sending the expired one.')
}

function headerNotRecognised (detail: string): KrakenAuthError {
  return new KrakenAuthError('KT-CT-1143', 'AUTHORIZATION', 'Unauthorized.',
    detail)
}

// Kraken checks the header before resolving any field, even the mutation
// that issues tokens; no header at all is fine for obtainKrakenToken.
function readAuthFailure (request: FastifyRequest,
  tokens: HeaderTokens): KrakenAuthError | null {
  const reading = readAuthorizationHeader(request.headers.authorization,
    tokens)
  if (reading.status === 'expired') return jwtExpired()
  if (reading.status === 'rejected') return headerNotRecognised(reading.detail)
  return null
}

function toGraphqlError (err: KrakenAuthError): mercurius.ErrorWithProps {
  const extensions: Record<string, unknown> = {
    errorType: err.errorType,
    errorCode: err.errorCode,
    errorDescription: err.description
  }
  if (err.validationErrors !== undefined) {
    extensions.validationErrors = err.validationErrors
  }
  return new mercurius.ErrorWithProps(err.message, extensions)
}

function guard (context: AuthContext): void {
  if (context.authFailure !== null) throw toGraphqlError(context.authFailure)
}

type Execution = Parameters<typeof mercurius.defaultErrorFormatter>[0]

// mercurius logs each GraphQL error with its stack at info; a wrong key or
// a malformed query is the caller's mistake, worth one short line.
function formatErrors (execution: Execution,
  context: mercurius.MercuriusContext) {
  const log = context.reply?.log ?? context.app.log
  for (const error of execution.errors) {
    const errorCode = error.extensions?.errorCode
    log.info({ errorCode, graphqlError: error.message }, 'graphql error')
  }
  // The default formatter logs through ctx.app.log when there is no reply.
  const quiet = { app: { log: log.child({}, { level: 'silent' }) } }
  return mercurius.defaultErrorFormatter(execution,
    quiet as unknown as mercurius.MercuriusContext)
}

export async function graphqlPlugin (app: FastifyInstance,
  opts: GraphqlPluginOptions): Promise<void> {
  const { tokens } = opts

  function obtainKrakenToken (_root: unknown,
    args: { input: ObtainTokenInput },
    context: AuthContext): ObtainTokenResult {
    guard(context)
    try {
      return tokens.obtainToken(args.input)
    } catch (err) {
      if (err instanceof KrakenAuthError) throw toGraphqlError(err)
      context.reply.request.log.error({ err }, 'obtain token failed')
      // A resolver's message reaches the client; keep internals out of it.
      throw new Error('Internal server error.')
    }
  }

  // mercurius checks that a query is a string only when it is an object;
  // anything else would reach its parser and fail with an internal message.
  app.addHook('preValidation', async (request, reply) => {
    const body = request.body as { query?: unknown } | undefined
    if (request.method !== 'POST' || body === null || typeof body !== 'object' ||
      Array.isArray(body) || body.query === undefined ||
      typeof body.query === 'string') return
    await reply.code(400).send({
      data: null,
      errors: [{ message: 'The GraphQL query must be a string.' }]
    })
  })

  await app.register(mercurius, {
    path: '/v1/graphql/',
    graphiql: true,
    schema,
    errorFormatter: formatErrors,
    context: (request): Omit<AuthContext, keyof mercurius.MercuriusContext> =>
      ({ authFailure: readAuthFailure(request, tokens) })
  })

  app.graphql.defineResolvers<AuthContext>({
    GenericScalar,
    Query: {
      mockVersion: (_root, _args, context) => {
        guard(context)
        return opts.version ?? null
      }
    },
    Mutation: { obtainKrakenToken }
  })
}
