// POST /_mock/reset, GET /_mock/state, PUT /_mock/state
// Reset puts the mock back as it started; a snapshot lets a suite save the
// store once and restore it between cases.
import type { FastifyInstance } from 'fastify'
import { controlRequestInvalid } from '../../errors.js'
import type { StoreSnapshot } from '../../store/types.js'
import { controlResponses, controlSchema } from './schemas.js'
import { checkSnapshot, snapshotSchema } from './state-snapshot.js'

const TAG = 'mock: state'

// What a reset may leave as it is; the store itself is always reset.
const KEEPABLE = ['journal', 'faults', 'clock'] as const
type Keepable = typeof KEEPABLE[number]

const KEEP_PATTERN = `^(${KEEPABLE.join('|')})(,(${KEEPABLE.join('|')}))*$`

function countsOf (snapshot: StoreSnapshot): Record<string, number> {
  return {
    suppliers: snapshot.suppliers.length,
    importProcesses: snapshot.importProcesses.length,
    accountRecords: snapshot.accountRecords.length,
    scheduledImports: snapshot.scheduledImports.length,
    refreshTokens: snapshot.refreshTokens.length
  }
}

export async function stateRoutes (app: FastifyInstance): Promise<void> {
  const { store, journal, faults, clock } = app
  const resetters: Record<Keepable, () => void> = {
    journal: () => { journal.clear() },
    faults: () => faults.clear(),
    clock: () => clock.reset()
  }

  app.post<{ Querystring: { keep?: string } }>('/reset', {
    schema: controlSchema(TAG, 'Back to the seed: store, journal, faults ' +
      'and clock, unless kept', {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          keep: {
            type: 'string',
            pattern: KEEP_PATTERN,
            description: 'Comma-separated parts to leave as they are: ' +
              KEEPABLE.join(', ')
          }
        }
      },
      response: controlResponses({
        description: 'What was reset and what was kept',
        type: 'object',
        properties: {
          reset: { type: 'array', items: { type: 'string' } },
          kept: { type: 'array', items: { type: 'string' } },
          tookMs: { type: 'number' }
        }
      }, { 400: 'keep names something that cannot be kept' })
    })
  }, async (request) => {
    const started = performance.now()
    const kept = KEEPABLE.filter(part =>
      request.query.keep?.split(',').includes(part) === true)
    store.reset()
    const reset = ['store']
    for (const part of KEEPABLE) {
      if (kept.includes(part)) continue
      resetters[part]()
      reset.push(part)
    }
    const tookMs = Math.round((performance.now() - started) * 100) / 100
    request.log.info({ reset, kept, tookMs }, 'mock reset')
    return { reset, kept, tookMs }
  })

  app.get('/state', {
    schema: controlSchema(TAG, 'Export the store as a snapshot', {
      response: controlResponses({
        description: 'Everything the store holds',
        ...snapshotSchema
      })
    })
  }, async () => store.exportState())

  app.put<{ Body: StoreSnapshot }>('/state', {
    schema: controlSchema(TAG, 'Replace the store with a snapshot', {
      body: snapshotSchema,
      response: controlResponses({
        description: 'How many records of each kind were imported',
        type: 'object',
        properties: {
          imported: {
            type: 'object',
            additionalProperties: { type: 'integer' }
          }
        }
      }, { 400: 'Not a valid snapshot; the store is unchanged' })
    })
  }, async (request) => {
    const snapshot = request.body
    const errors = checkSnapshot(snapshot, app.seed)
    if (errors.length > 0) throw controlRequestInvalid(errors)

    const backup = store.exportState()
    try {
      store.importState(snapshot)
    } catch (err) {
      // Whatever the store took in before failing goes; the old state returns.
      store.importState(backup)
      request.log.info({ err }, 'snapshot refused by the store')
      throw controlRequestInvalid([{
        detail: `The store refused the snapshot: ${(err as Error).message}`,
        code: 'invalid',
        attr: 'non_field_errors'
      }])
    }
    const imported = countsOf(snapshot)
    request.log.info({ imported }, 'state imported')
    return { imported }
  })
}
