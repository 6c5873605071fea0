import { readFileSync } from 'node:fs'
import { fromRoot } from '../../src/lib/paths.js'

// A schema as operations.json names it: a component, an inline schema, or
// null where the contract declares no body.
export type DeclaredSchema = string | Record<string, unknown> | null

// The contract's own examples, as kept in the generated operations file.
export interface Operation {
  operationId: string
  method: string
  path: string
  pathParams: string[]
  request: {
    schema: DeclaredSchema
    examples: Record<string, unknown>
  } | null
  responses: Record<string, {
    schema: DeclaredSchema
    examples: Record<string, unknown>
  }>
}

export const operations: Operation[] = JSON.parse(
  readFileSync(fromRoot('schemas', 'gb', 'operations.json'), 'utf8'))

export function findOperation (method: string, path: string): Operation {
  const op = operations.find(o => o.method === method && o.path === path)
  if (op === undefined) throw new Error(`no operation ${method} ${path}`)
  return op
}

// The contract's full EnergyAccount example (published for v2 validate,
// without the `payload` wrapper its schema needs), on a seeded supplier.
// Its dunning path starts on 2020-03-26, now in the past (date_in_past),
// so that date moves to the future; the rest is as published.
export function exampleAccount (
  supplier = 'TENTACLE_ENERGY'): Record<string, any> {
  const op = findOperation('POST', '/v2/data-import/accounts/validate/')
  const example = op.request?.examples.ExamplePayload
  const account: Record<string, any> =
    { ...structuredClone(example as object), import_supplier: supplier }
  account.dunning_path.start_date = '2999-03-26'
  return account
}

// A v2 schedule body: the example account in its `payload` wrapper, which
// the contract's own example for this operation leaves out.
export function exampleSchedule (taskParams: Record<string, unknown> = {},
  supplier = 'TENTACLE_ENERGY'): Record<string, any> {
  return { payload: exampleAccount(supplier), task_params: taskParams }
}
