// POST /v2/data-import/accounts/validate/
// POST /v2/data-import/accounts/
// GET /v2/data-import/accounts/{import_supplier_code}/{external_identifier}/
import type { FastifyInstance } from 'fastify'
import { reportUndocumented } from '../../kraken.js'

interface StatusParams {
  import_supplier_code: string
  external_identifier: string
}

export async function v2AccountRoutes (app: FastifyInstance): Promise<void> {
  app.post('/v2/data-import/accounts/validate/', async (request, reply) => {
    const { warnings } = app.accounts.validateV2Account(request.body)
    reportUndocumented(reply, warnings)
    return reply.code(200).send()
  })

  // The contract documents no body for the 201: the task is only queued.
  app.post('/v2/data-import/accounts/', async (request, reply) => {
    const { warnings, task } = app.scheduledImports.schedule(request.body)
    reportUndocumented(reply, warnings)
    // Kraken runs the task somewhere inside its window; the mock always at
    // the window start (docs/v2-scheduling.md).
    request.log.warn({ ...task, limitation: 'v2_task_runs_at_window_start' },
      'account import scheduled')
    return reply.code(201).send()
  })

  app.get<{ Params: StatusParams }>(
    '/v2/data-import/accounts/:import_supplier_code/:external_identifier/',
    async (request) => {
      const { import_supplier_code: supplier, external_identifier: ext } =
        request.params
      return app.scheduledImports.describeImport(supplier, ext)
    })
}
