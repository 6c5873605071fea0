import { randomUUID } from 'node:crypto'
import Fastify, {
  type FastifyInstance, type FastifyReply, type FastifyRequest
} from 'fastify'
import { createTokenService, type TokenService } from './auth/tokens.js'
import { type Clock, createClock } from './clock.js'
import type { Config } from './config.js'
import { routeNotFound } from './errors.js'
import {
  type AccountImport, createAccountImport
} from './domain/account-import.js'
import {
  createScheduledImports, type ScheduledImports, startTicking
} from './domain/scheduled-imports.js'
import { createFaults, type Faults } from './faults.js'
import { graphqlPlugin } from './graphql/plugin.js'
import { createJournal, type Journal } from './journal.js'
import { loggerOptions } from './logger.js'
import { markets } from './market/gb.js'
import { installErrorHandling } from './plugins/errors.js'
import { installFaults } from './plugins/fault-injection.js'
import { installJsonBody } from './plugins/json-body.js'
import { installOpenApi } from './plugins/openapi.js'
import { installJournal, recordUnrouted } from './plugins/request-journal.js'
import { mockRoutes } from './routes/mock/index.js'
import { krakenRoutes } from './routes/kraken.js'
import { Readiness } from './readiness.js'
import { createRuleSet } from './rules/run-rules.js'
import { allRules } from './rules/index.js'
import type { Seed } from './seed/types.js'
import { createStore } from './store/index.js'
import type { Store } from './store/types.js'
import {
  createPayloadChecker, type PayloadChecker
} from './validation/check-payload.js'
import { referenceLookup } from './validation/references.js'
import {
  createSchemaValidator, type SchemaValidator
} from './validation/schema-validator.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    seed: Seed
    clock: Clock
    store: Store
    tokens: TokenService
    schemas: SchemaValidator
    payloads: PayloadChecker
    accounts: AccountImport
    scheduledImports: ScheduledImports
    readiness: Readiness
    journal: Journal
    faults: Faults
  }
}

export interface AppOptions {
  config: Config
  seed: Seed
  clock?: Clock
  store?: Store
  // Tests and tools pass a logger of their own (or false for none).
  logger?: boolean | Record<string, unknown>
}

// Builds the whole mock: Kraken's routes, GraphQL and the /_mock/ surface.
// server.ts listens; tests inject.
export async function buildApp (options: AppOptions): Promise<FastifyInstance> {
  const { config, seed } = options
  const market = markets[config.market]
  if (market === undefined) throw new Error(`unknown market ${config.market}`)

  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: false },
    // A path that is not valid percent-encoding matches no route of
    // Kraken's; it answers, and is journaled, as any unknown path is.
    frameworkErrors: (_err, request, reply) => {
      request.log.info({ url: request.url }, 'undecodable path')
      const notFound = routeNotFound()
      ;(reply as FastifyReply).code(notFound.statusCode)
        .header('x-request-id', request.id).send(notFound.body)
      recordUnrouted(journal, clock, request as FastifyRequest,
        reply as FastifyReply, (notFound.body as { code: string }).code)
    }
  })

  const clock = options.clock ?? createClock()
  const store = options.store ?? createStore(config, seed)
  const schemas = createSchemaValidator({
    dir: market.schemasDir,
    timezone: market.timezone,
    references: referenceLookup(seed)
  })
  const payloads = createPayloadChecker({
    schemas,
    rules: createRuleSet(allRules),
    context: {
      seed,
      clock,
      store,
      onRuleError: (rule, err) => app.log.warn({
        err,
        component: rule.component,
        field: rule.field,
        limitation: 'rule_skipped_on_unexpected_shape'
      }, 'business rule skipped')
    },
    undocumentedFields: config.undocumentedFields
  })
  const tokens = createTokenService({
    clock,
    config,
    organisation: seed.organisation,
    users: seed.users,
    store
  })

  app.decorate('config', config)
  app.decorate('seed', seed)
  app.decorate('clock', clock)
  app.decorate('store', store)
  app.decorate('tokens', tokens)
  app.decorate('schemas', schemas)
  app.decorate('payloads', payloads)
  app.decorate('accounts',
    createAccountImport({ store, clock, seed, payloads }))
  app.decorate('scheduledImports', createScheduledImports({
    store, clock, payloads, timezone: market.timezone
  }))
  app.decorate('readiness', new Readiness((err) => {
    app.log.error({ err }, 'background preparation failed')
  }))
  const journal = createJournal(config.journalSize, store.journal)
  const faults = createFaults({
    processConcurrencyLimit: config.processConcurrencyLimit
  })
  app.decorate('journal', journal)
  app.decorate('faults', faults)

  // v2 tasks also move on every v2 request; the timer covers quiet times.
  let stopTicking = (): void => {}
  app.addHook('onReady', async () => {
    stopTicking = startTicking(app.scheduledImports, 1000,
      (err) => app.log.error({ err }, 'scheduled import tick failed'))
  })
  app.addHook('onClose', async () => stopTicking())
  app.addHook('onClose', async () => store.close())
  // Set as the request arrives: every answer carries it, errors too, and
  // it costs no extra step at the end of every request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  installErrorHandling(app, {
    bodyLimit: config.bodyLimitBytes, errorStyle: config.errorStyle
  })
  installJsonBody(app)
  // Before any route: the journal, faults and the served document must
  // see every route, GraphQL's included.
  installJournal(app, journal, clock)
  installFaults(app, faults, journal)
  await installOpenApi(app, { schemasDir: market.schemasDir })

  await app.register(graphqlPlugin, { tokens })
  await app.register(krakenRoutes)
  await app.register(mockRoutes, { prefix: '/_mock' })
  return app
}

// Compiles every schema a Kraken route uses, so the first real request is
// as fast as the rest; the mock reports ready only after this. Then the
// work that could wait (the control API's request schemas) runs in the
// background (src/readiness.ts), so that a test suite's first reset is as
// quick as the next.
export function warmUp (app: FastifyInstance): void {
  for (const component of ['EnergyAccount', 'ValidateAccount',
    'ProcessAccountImportProcess', 'ScheduleAccountCreation']) {
    app.schemas.validate(component, {})
  }
  app.readiness.markReady()
}
