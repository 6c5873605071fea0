import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { createClock } from '../../../src/clock.js'
import { buildTestApp } from '../../helpers/app.js'
import { exampleAccount } from '../../helpers/contract.js'

// The contract's example account dates from late summer 2019: some of its
// dates fail today's "not in the past" rules. On a mock clock frozen then,
// it passes them, as it did when it was written.
export const EXAMPLE_TIME = '2019-09-10T12:00:00.000Z'

export async function buildMockApp (t: Test,
  env: Record<string, string> = {}): Promise<FastifyInstance> {
  const clock = createClock()
  clock.freeze(new Date(EXAMPLE_TIME))
  return await buildTestApp(t, { clock, env })
}

export const KRAKEN_HEADERS = { authorization: 'Token test-api-key' }
export const STAGE = '/v1/data-import/account-import-process/create-or-update/'
export const PROCESS = '/v1/data-import/account-import-process/process/'

export function transferStatus (ext: string,
  supplier = 'TENTACLE_ENERGY'): string {
  return `/v1/data-import/account-transfer-status/${supplier}/${ext}/`
}

// Stages the contract's example account under another external number.
// Its account reference is left out: a reference belongs to one account,
// and these tests import the same example more than once.
export async function stage (app: FastifyInstance, ext = 'EXTERNAL-1234',
  supplier = 'TENTACLE_ENERGY'): Promise<LightMyRequestResponse> {
  const { references: _unique, ...account } = exampleAccount(supplier)
  return await app.inject({
    method: 'POST',
    url: STAGE,
    headers: KRAKEN_HEADERS,
    payload: { ...account, external_account_number: ext }
  })
}

export async function processAccount (app: FastifyInstance,
  ext = 'EXTERNAL-1234'): Promise<LightMyRequestResponse> {
  return await app.inject({
    method: 'POST',
    url: PROCESS,
    headers: KRAKEN_HEADERS,
    payload: {
      import_supplier_code: 'TENTACLE_ENERGY',
      external_account_number: ext
    }
  })
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

// A call to the control API, with or without a JSON body.
export async function control (app: FastifyInstance, method: Method,
  url: string, payload?: unknown,
  headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return await app.inject({
    method,
    url: `/_mock${url}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object })
  })
}
