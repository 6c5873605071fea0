import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import type { Seed } from '../../../src/seed/types.js'
import { buildTestApp, defaultSeed } from '../../helpers/app.js'
import { exampleAccount as contractExample } from '../../helpers/contract.js'

export const V1 = '/v1/data-import/validate-account/'
const headers = { authorization: 'Token test-api-key' }

export interface Problem { code: string, attr: string }

// The contract's account example, its dated dunning path already moved
// (see test/helpers/contract.ts).
export const exampleAccount = contractExample

// The example with some top-level fields added or replaced.
export function accountWith (fields: object): Record<string, any> {
  return { ...exampleAccount(), ...fields }
}

// The problems Kraken would report for an account, as {code, attr}, or an
// empty list when it validates.
export async function problemsOf (app: FastifyInstance,
  account: unknown): Promise<Problem[]> {
  const res = await app.inject({
    method: 'POST', url: V1, headers, payload: account as object
  })
  if (res.statusCode === 200) return []
  if (res.statusCode !== 400) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json().errors.map((e: Problem) => ({ code: e.code, attr: e.attr }))
}

// A copy of the default seed with some of it changed.
export function seedWith (change: (seed: Seed) => void): Seed {
  const seed = structuredClone(defaultSeed)
  change(seed)
  return seed
}

export async function appWith (t: Test,
  change?: (seed: Seed) => void): Promise<FastifyInstance> {
  return await buildTestApp(t, change === undefined
    ? {}
    : { seed: seedWith(change) })
}

// The rule findings for a component checked on its own, for payloads whose
// endpoint is served elsewhere.
export function checkComponent (app: FastifyInstance, component: string,
  data: unknown): Problem[] {
  return app.payloads.check(component, data).errors
    .map(({ code, attr }) => ({ code, attr }))
}
