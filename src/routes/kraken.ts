import type { FastifyInstance, FastifyReply } from 'fastify'
import { authenticateRequest } from '../auth/rest-auth.js'
import { accountImportProcessRoutes } from './v1/data-import/account-import-process.js'
import { importProcessListRoutes } from './v1/data-import/account-import-processes.js'
import { transferStatusRoutes } from './v1/data-import/account-transfer-status.js'
import { historicalStatementsRoutes } from './v1/data-import/historical-statements.js'
import { meterPointStatusRoutes } from './v1/data-import/meterpoint-statuses.js'
import { notesRoutes } from './v1/data-import/notes.js'
import { paymentInstructionRoutes } from './v1/data-import/payment-instruction.js'
import { registrationFlowRoutes } from './v1/data-import/send-registration-flows.js'
import { transactionsRoutes } from './v1/data-import/transactions.js'
import { validateAccountRoutes } from './v1/data-import/validate-account.js'
import { v2AccountRoutes } from './v2/data-import/accounts.js'

export const UNDOCUMENTED_HEADER = 'x-mock-undocumented-fields'

// Kraken drops fields its contract does not document; the mock says which
// it dropped, so a pipeline can notice before they gain a meaning.
export function reportUndocumented (reply: FastifyReply,
  warnings: string[]): void {
  if (warnings.length === 0) return
  reply.header(UNDOCUMENTED_HEADER, warnings.join(', '))
  reply.log.info({ undocumentedFields: warnings }, 'undocumented fields dropped')
}

// Kraken's data-import REST routes. Authentication runs first, before any
// lookup, so an unauthenticated caller learns nothing about accounts.
export async function krakenRoutes (app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (request, _reply, done) => {
    authenticateRequest(request, app.tokens)
    done()
  })

  await app.register(validateAccountRoutes)
  await app.register(accountImportProcessRoutes)
  await app.register(transferStatusRoutes)
  await app.register(importProcessListRoutes)
  await app.register(notesRoutes)
  await app.register(transactionsRoutes)
  await app.register(historicalStatementsRoutes)
  await app.register(paymentInstructionRoutes)
  await app.register(registrationFlowRoutes)
  await app.register(meterPointStatusRoutes)
  await app.register(v2AccountRoutes)
}
