// GET /_mock/clock, POST /_mock/clock/{freeze,unfreeze,set,advance,reset}
// Token and refresh expiry, schedule windows, "not in the future" rules and
// created_at defaults all read this clock, so a test moves time instead of
// waiting for it.
import type { FastifyInstance } from 'fastify'
import { controlRequestInvalid } from '../../errors.js'
import {
  clockState, controlResponses, controlSchema, dateTime
} from './schemas.js'

const EARLIEST_MS = Date.UTC(1970, 0, 2)
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59)
const TAG = 'mock: clock'

const UNIT_MS = {
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1
}

const MAX_ADVANCE_MS = 100 * 366 * UNIT_MS.days

type Advance = Partial<Record<keyof typeof UNIT_MS, number>>

const advanceBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: Object.fromEntries(Object.keys(UNIT_MS).map(unit =>
    [unit, { type: 'number' }])),
  examples: [{ minutes: 61 }]
}

const atBody = (required: boolean) => ({
  type: 'object',
  additionalProperties: false,
  required: required ? ['at'] : [],
  properties: { at: dateTime }
})

const NO_BODY = { type: 'object', additionalProperties: false }

export async function clockRoutes (app: FastifyInstance): Promise<void> {
  const { clock } = app
  const answer = () => clock.describe()

  app.get('/clock', {
    schema: controlSchema(TAG, 'Read the mock clock', {
      response: controlResponses(clockState)
    })
  }, async () => answer())

  // JWT times are positive whole seconds, and Kraken's dates have four
  // digits, so the clock stays within 1970-01-02 and 9999-12-31.
  function refuseOutOfRange (targetMs: number, attr: string): void {
    if (targetMs >= EARLIEST_MS && targetMs <= LATEST_MS) return
    throw controlRequestInvalid([{
      detail: 'The clock must stay between 1970-01-02 and 9999-12-31.',
      code: 'invalid',
      attr
    }])
  }

  app.post<{ Body: { at?: string } }>('/clock/freeze', {
    schema: controlSchema(TAG, 'Stop the clock, now or at a given instant', {
      body: atBody(false),
      response: controlResponses(clockState, { 400: 'Not a valid instant' })
    })
  }, async (request) => {
    const { at } = request.body
    if (at !== undefined) refuseOutOfRange(new Date(at).getTime(), 'at')
    clock.freeze(at === undefined ? undefined : new Date(at))
    request.log.info({ clock: clock.describe() }, 'clock frozen')
    return answer()
  })

  app.post('/clock/unfreeze', {
    schema: controlSchema(TAG, 'Let a frozen clock run again from its time', {
      body: NO_BODY,
      response: controlResponses(clockState)
    })
  }, async () => {
    clock.unfreeze()
    return answer()
  })

  app.post<{ Body: { at: string } }>('/clock/set', {
    schema: controlSchema(TAG, 'Move the clock to an instant; a frozen ' +
      'clock stays frozen there', {
      body: atBody(true),
      response: controlResponses(clockState, { 400: 'Not a valid instant' })
    })
  }, async (request) => {
    refuseOutOfRange(new Date(request.body.at).getTime(), 'at')
    clock.set(new Date(request.body.at))
    request.log.info({ clock: clock.describe() }, 'clock set')
    return answer()
  })

  app.post<{ Body: Advance }>('/clock/advance', {
    schema: controlSchema(TAG, 'Move the clock on (or back, with negative ' +
      'amounts); units add up', {
      body: advanceBody,
      response: controlResponses(clockState, { 400: 'Not a valid duration' })
    })
  }, async (request) => {
    let ms = 0
    for (const [unit, amount] of Object.entries(request.body)) {
      ms += (amount ?? 0) * UNIT_MS[unit as keyof typeof UNIT_MS]
    }
    if (Math.abs(ms) > MAX_ADVANCE_MS) {
      throw controlRequestInvalid([{
        detail: 'Advance the clock by at most 100 years at a time.',
        code: 'max_value',
        attr: 'non_field_errors'
      }])
    }
    refuseOutOfRange(clock.nowMs() + ms, 'non_field_errors')
    clock.advance(Math.round(ms))
    request.log.info({ advancedMs: ms, clock: clock.describe() },
      'clock advanced')
    return answer()
  })

  app.post('/clock/reset', {
    schema: controlSchema(TAG, 'Back to real time, running', {
      body: NO_BODY,
      response: controlResponses(clockState)
    })
  }, async () => {
    clock.reset()
    return answer()
  })
}
