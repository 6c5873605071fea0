import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { type Clock, createClock } from '../../../src/clock.js'
import { buildTestApp } from '../../helpers/app.js'
import { exampleSchedule } from '../../helpers/contract.js'

// Shared by the v2 scheduling tests: an app on a frozen clock, and the
// example account scheduled and looked up as a client would.

export const SCHEDULE = '/v2/data-import/accounts/'
export const STATUS = '/v2/data-import/accounts/TENTACLE_ENERGY/EXTERNAL-1234/'
export const TRANSFER =
  '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/EXTERNAL-1234/'
export const headers = { authorization: 'Token test-api-key' }
export const NOW = new Date('2030-06-01T12:00:00.000Z')
export const HOUR = 60 * 60 * 1000

// An instant relative to NOW, as the mock writes it.
export function at (offsetMs: number): string {
  return new Date(NOW.getTime() + offsetMs).toISOString()
}

export async function frozenApp (t: Test):
Promise<{ app: FastifyInstance, clock: Clock }> {
  const clock = createClock()
  clock.freeze(NOW)
  const app = await buildTestApp(t, { clock })
  return { app, clock }
}

export async function schedule (app: FastifyInstance,
  taskParams: Record<string, unknown>): Promise<void> {
  const res = await app.inject({
    method: 'POST', url: SCHEDULE, headers, payload: exampleSchedule(taskParams)
  })
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`)
}

// Every status body must also be what the contract's schema declares.
export async function statusOf (t: Test, app: FastifyInstance):
Promise<Record<string, any>> {
  const res = await app.inject({ method: 'GET', url: STATUS, headers })
  t.equal(res.statusCode, 200)
  const outcome = app.schemas.validate('ImportStatusResponse', res.json())
  t.strictSame([outcome.errors, outcome.undocumented], [[], []])
  return res.json()
}
