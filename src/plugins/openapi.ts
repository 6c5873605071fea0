// Serves an OpenAPI document of everything the mock answers: Kraken's
// routes with the contract's schemas and examples, and the mock's own
// /_mock/ routes. It is at Kraken's schema path (/data-import/schema/,
// YAML, or JSON with ?format=json), at /docs/json, and browsable at /docs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { GRAPHQL_ROUTE } from '../faults.js'
import { fromRoot } from '../lib/paths.js'
import { ADMIN_TOKEN_HEADER } from './admin-auth.js'
import { type Contract, describeKrakenRoutes } from './openapi-contract.js'

export const SCHEMA_PATH = '/data-import/schema/'

function loadContract (schemasDir: string): Contract {
  const read = (...parts: string[]): unknown =>
    JSON.parse(readFileSync(join(schemasDir, ...parts), 'utf8'))
  return {
    operations: read('operations.json') as Contract['operations'],
    component: (name) => read('components', `${name}.json`)
  }
}

function packageVersion (): string {
  const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'))
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0'
}

const DESCRIPTION = 'A local stand-in for Kraken\'s customer-migration ' +
  '(data-import) API. Kraken\'s routes carry the schemas of its published ' +
  'GB contract; routes under /_mock/ are the mock\'s own control surface ' +
  'and do not exist on Kraken.'

const GRAPHQL_SUMMARY = 'Kraken\'s GraphQL endpoint, reduced to ' +
  'obtainKrakenToken; try it at /graphiql'

// Register before any route, on the root instance, so every route is seen.
export async function installOpenApi (app: FastifyInstance,
  options: { schemasDir: string }): Promise<void> {
  let contract: Contract | undefined
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kraken data-import mock',
        version: packageVersion(),
        description: DESCRIPTION
      },
      components: {
        securitySchemes: {
          DRFKrakenTokenAuthentication: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'A JWT from obtainKrakenToken, alone or after ' +
              '"JWT " or "Token "'
          },
          DataImportViewerAPIKeyAuthentication: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: '"Token " and the data-import API key'
          },
          mockAdminToken: {
            type: 'apiKey',
            in: 'header',
            name: ADMIN_TOKEN_HEADER,
            description: 'The mock\'s admin token (MOCK_ADMIN_TOKEN), when ' +
              'the control API requires it'
          }
        }
      }
    },
    transform: ({ schema, url }) => {
      // GraphiQL's page and assets are not an API.
      if (url.startsWith('/graphiql')) return { schema: { hide: true }, url }
      if (url !== GRAPHQL_ROUTE) return { schema, url }
      return {
        schema: { ...schema, tags: ['graphql'], summary: GRAPHQL_SUMMARY },
        url
      }
    },
    transformObject: (documents) => {
      if (!('openapiObject' in documents)) return documents.swaggerObject
      contract ??= loadContract(options.schemasDir)
      return describeKrakenRoutes(documents.openapiObject, contract)
    }
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  app.get<{ Querystring: { format?: string } }>(SCHEMA_PATH, {
    schema: { hide: true }
  }, async (request, reply) => {
    const { format } = request.query
    const accepted = request.headers.accept?.includes('json') === true
    if (format === 'json' || (format === undefined && accepted)) {
      return reply.type('application/json; charset=utf-8').send(app.swagger())
    }
    return reply.type('application/vnd.oai.openapi; charset=utf-8')
      .send(app.swagger({ yaml: true }))
  })
}
