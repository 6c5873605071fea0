import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { createClock } from '../../../src/clock.js'
import { buildTestApp } from '../../helpers/app.js'
import { exampleAccount, findOperation } from '../../helpers/contract.js'

// What the post-import suites share: an account staged and processed from
// the contract's own EnergyAccount example, then requests against it.

export const headers = { authorization: 'Token test-api-key' }
export const SUPPLIER = 'TENTACLE_ENERGY'
export const EXT = 'EXTERNAL-1234'
export const NOW = new Date('2025-01-15T10:00:00Z')

// A mock whose clock stands still at NOW, so defaults are exact.
export async function frozenApp (t: Test): Promise<FastifyInstance> {
  const clock = createClock()
  clock.freeze(NOW)
  return await buildTestApp(t, { clock })
}

// The contract's example account on the test supplier (its dated dunning
// path already moved by exampleAccount).
export function importableAccount (): Record<string, any> {
  return exampleAccount(SUPPLIER)
}

export async function stageAccount (app: FastifyInstance,
  account: Record<string, any> = importableAccount()): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/data-import/account-import-process/create-or-update/',
    headers,
    payload: account
  })
  if (res.statusCode !== 201) throw new Error(`staging: ${res.body}`)
}

// Stages and processes the account; answers its Kraken account number.
export async function importAccount (app: FastifyInstance,
  account?: Record<string, any>): Promise<string> {
  await stageAccount(app, account)
  const ext = account?.external_account_number ?? EXT
  const res = await app.inject({
    method: 'POST',
    url: '/v1/data-import/account-import-process/process/',
    headers,
    payload: { import_supplier_code: SUPPLIER, external_account_number: ext }
  })
  if (res.statusCode !== 201) throw new Error(`processing: ${res.body}`)
  return res.json().kraken_account_number
}

// The contract's request example for an operation, as a fresh copy.
export function requestExample (path: string): Record<string, any> {
  const op = findOperation('POST', path)
  return structuredClone(op.request?.examples.ExamplePayload as object)
}

export async function post (app: FastifyInstance, url: string,
  payload?: unknown, auth = true): Promise<LightMyRequestResponse> {
  return await app.inject({
    method: 'POST',
    url,
    headers: auth ? headers : {},
    ...(payload === undefined ? {} : { payload: payload as object })
  })
}

export const NOT_AUTHENTICATED = {
  detail: 'Authentication credentials were not provided.',
  code: 'not_authenticated'
}

export function notOngoing (supplier: string) {
  return {
    detail: `The migration for import supplier "${supplier}" is not ongoing.`,
    code: 'import_supplier_migration_not_ongoing',
    attr: 'non_field_errors'
  }
}

export const ACCOUNT_NOT_FOUND = {
  detail: `The account ${EXT} of import supplier ${SUPPLIER} was staged ` +
    'but has not been imported yet.',
  code: 'account_not_found',
  attr: 'non_field_errors'
}

export const PROCESS_NOT_FOUND = {
  detail: `No account import process for ${EXT} on import supplier ` +
    `${SUPPLIER}.`,
  code: 'import_process_does_not_exist',
  attr: 'non_field_errors'
}

// The shared rule set applies the contract's rules to notes, statements
// and transactions wherever they appear, in words of its own; tests of
// those rules pin the envelope's top and each error's code and place.
export function problemsOf (res: LightMyRequestResponse) {
  const { errors, ...top } = res.json()
  return {
    top,
    problems: errors.map((e: { code: string, attr: string }) =>
      [e.code, e.attr])
  }
}
