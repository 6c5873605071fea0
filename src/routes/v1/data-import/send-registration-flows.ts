// V1 Send Registration Flows: POST /v1/data-import/send-registration-flows/
// {import_supplier_code}/{external_account_number}/
import type { FastifyInstance } from 'fastify'
import {
  createRegistrationFlows
} from '../../../domain/post-import/registration-flows.js'

interface Params {
  import_supplier_code: string
  external_account_number: string
}

export async function registrationFlowRoutes (app: FastifyInstance):
Promise<void> {
  const flows = createRegistrationFlows(app)

  app.post<{ Params: Params }>(
    '/v1/data-import/send-registration-flows/:import_supplier_code/' +
    ':external_account_number/',
    async (request) => {
      const { import_supplier_code: supplier, external_account_number: ext } =
        request.params
      return flows.sendFlows(supplier, ext)
    })
}
