// V1 Get Meter Point Statuses For Account: GET /v1/data-import/
// meterpoint-statuses-for-account/{import_supplier_code}/{external_account_number}/
import type { FastifyInstance } from 'fastify'
import {
  createMeterPointStatuses
} from '../../../domain/post-import/meter-point-statuses.js'

interface Params {
  import_supplier_code: string
  external_account_number: string
}

export async function meterPointStatusRoutes (app: FastifyInstance):
Promise<void> {
  const statuses = createMeterPointStatuses(app)

  app.get<{ Params: Params }>(
    '/v1/data-import/meterpoint-statuses-for-account/:import_supplier_code/' +
    ':external_account_number/',
    async (request) => {
      const { import_supplier_code: supplier, external_account_number: ext } =
        request.params
      return statuses.listStatuses(supplier, ext)
    })
}
