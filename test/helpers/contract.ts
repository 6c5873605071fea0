import { readFileSync } from 'node:fs'
import { fromRoot } from '../../src/lib/paths.js'

// The contract's own examples, as kept in the generated operations file.
interface Operation {
  operationId: string
  method: string
  path: string
  request: { examples: Record<string, unknown> } | null
  responses: Record<string, { examples: Record<string, unknown> }>
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
export function exampleAccount (
  supplier = 'TENTACLE_ENERGY'): Record<string, any> {
  const op = findOperation('POST', '/v2/data-import/accounts/validate/')
  const example = op.request?.examples.ExamplePayload
  return { ...structuredClone(example as object), import_supplier: supplier }
}
