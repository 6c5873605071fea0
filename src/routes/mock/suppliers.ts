// GET /_mock/suppliers, GET and PATCH /_mock/suppliers/{code}
// Kraken's team pauses, resumes and completes a supplier's migration; here
// a test does it. Paused and Complete suppliers refuse every write.
import type { FastifyInstance } from 'fastify'
import { controlNotFound } from '../../errors.js'
import { SUPPLIER_STATUSES, type SupplierStatus } from '../../seed/types.js'
import type { SupplierRecord } from '../../store/types.js'
import { controlResponses, controlSchema } from './schemas.js'

const TAG = 'mock: suppliers'

const supplier = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    status: { type: 'string', enum: SUPPLIER_STATUSES },
    documentRoot: { type: 'string' },
    bucket: { type: 'string' },
    autoAllocatedOperationsTeam: { type: ['string', 'null'] },
    checkDocumentPathsExist: { type: 'boolean' }
  }
} as const

const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string' } }
}

interface Params { code: string }

export async function supplierRoutes (app: FastifyInstance): Promise<void> {
  const { store } = app

  function find (code: string): SupplierRecord {
    const found = store.findSupplier(code)
    if (found === undefined) {
      throw controlNotFound(`There is no import supplier "${code}".`)
    }
    return found
  }

  app.get('/suppliers', {
    schema: controlSchema(TAG, 'List the import suppliers', {
      response: controlResponses({
        description: 'Every import supplier, in seed order',
        type: 'object',
        properties: { suppliers: { type: 'array', items: supplier } }
      })
    })
  }, async () => ({ suppliers: store.listSuppliers() }))

  app.get<{ Params: Params }>('/suppliers/:code', {
    schema: controlSchema(TAG, 'Read one import supplier', {
      params: codeParams,
      response: controlResponses({ description: 'The supplier', ...supplier },
        { 404: 'No such supplier' })
    })
  }, async (request) => find(request.params.code))

  app.patch<{ Params: Params, Body: { status: SupplierStatus } }>(
    '/suppliers/:code', {
      schema: controlSchema(TAG, 'Change a supplier\'s migration status', {
        params: codeParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['status'],
          properties: { status: supplier.properties.status },
          examples: [{ status: 'Paused' }]
        },
        response: controlResponses(
          { description: 'The supplier as it is now', ...supplier },
          { 400: 'Not a status', 404: 'No such supplier' })
      })
    }, async (request) => {
      const { code } = request.params
      const before = find(code)
      const updated = store.setSupplierStatus(code, request.body.status)
      request.log.info(
        { supplier: code, from: before.status, to: updated.status },
        'supplier status changed')
      return updated
    })
}
