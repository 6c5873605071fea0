// V1 Create Payment Instruction: POST /v1/data-import/payment-instruction/create/
import type { FastifyInstance } from 'fastify'
import {
  createPaymentInstructionImport
} from '../../../domain/post-import/payment-instruction.js'
import { reportUndocumented } from '../../kraken.js'

export async function paymentInstructionRoutes (app: FastifyInstance):
Promise<void> {
  // The vendor's failures, a 500 among them, come from /_mock/faults.
  const instructions = createPaymentInstructionImport(app)

  app.post('/v1/data-import/payment-instruction/create/',
    async (request, reply) => {
      const created = instructions.createInstruction(request.body)
      reportUndocumented(reply, created.warnings)
      return reply.code(201).send(created.body)
    })
}
