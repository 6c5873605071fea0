// GET /v1/data-import/all-account-import-processes/{supplier}/
// GET /v1/data-import/pending-account-import-processes/{supplier}/
// GET /v1/data-import/imported-account-import-processes/{supplier}/
import type { FastifyInstance } from 'fastify'
import { routeNotFound } from '../../../errors.js'
import type { ImportProcessFilter } from '../../../store/types.js'

interface Params { import_supplier_code: string }

const LISTS: Array<[string, ImportProcessFilter]> = [
  ['all', 'all'],
  ['pending', 'pending'],
  ['imported', 'imported']
]

export async function importProcessListRoutes (app: FastifyInstance):
Promise<void> {
  for (const [prefix, filter] of LISTS) {
    app.get<{ Params: Params }>(
      `/v1/data-import/${prefix}-account-import-processes/` +
      ':import_supplier_code/',
      async (request) => {
        const supplier = request.params.import_supplier_code
        if (app.store.findSupplier(supplier) === undefined) {
          throw routeNotFound()
        }
        return app.store.listImportProcesses(supplier, filter).map(p => ({
          external_account_number: p.externalAccountNumber,
          kraken_account_number: p.krakenAccountNumber,
          account_created_at: p.accountCreatedAt
        }))
      })
  }
}
