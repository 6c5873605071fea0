// GET /v1/data-import/account-transfer-status/{supplier}/{external number}/
import type { FastifyInstance } from 'fastify'
import { krakenResponse } from '../../../errors.js'

interface Params {
  import_supplier_code: string
  external_account_number: string
}

export async function transferStatusRoutes (app: FastifyInstance):
Promise<void> {
  app.get<{ Params: Params }>(
    '/v1/data-import/account-transfer-status/:import_supplier_code/' +
    ':external_account_number/',
    async (request) => {
      const { import_supplier_code: supplier, external_account_number: ext } =
        request.params
      const process = app.store.findImportProcess(supplier, ext)
      if (process === undefined) {
        throw krakenResponse(404, {
          detail: `No account import process for ${ext} on import ` +
            `supplier ${supplier}.`
        })
      }
      const number = process.krakenAccountNumber ?? ''
      return {
        status: number === '' ? 'UNKNOWN' : 'COMPLETED',
        account_number: number,
        kraken_account_number: number
      }
    })
}
