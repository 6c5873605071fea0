import type { FastifyInstance } from 'fastify'
import { exampleAccount, type Operation } from '../helpers/contract.js'
import {
  ACCOUNT, brokenAccount, type Given, prepareExample, type Probe, SUPPLIER,
  urlOf
} from './probes.js'

// Probes that reach the statuses the contract declares besides success:
// a broken landline for validation, the account already imported, a dry
// run, an unknown account.

const UNKNOWN = 'NOBODY'

function probe (op: Operation, label: string, given: Given, expect: number,
  body?: unknown): Probe {
  const url = urlOf(op)
  return { label, given, method: op.method, url, body, expect, notes: [] }
}

const processBody = {
  import_supplier_code: SUPPLIER, external_account_number: ACCOUNT
}

const BY_OPERATION: Record<string, (op: Operation) => Probe[]> = {
  'V1 Create Or Update Account Import Process': op => [
    probe(op, 'the account staged again', 'staged', 200, exampleAccount()),
    probe(op, 'a bad landline', 'nothing', 400, brokenAccount()),
    probe(op, 'an imported account', 'imported', 400, exampleAccount())
  ],
  'V1 Validate Account': op => [
    probe(op, 'a bad landline', 'nothing', 400, brokenAccount()),
    probe(op, 'an imported account', 'imported', 400, exampleAccount())
  ],
  'V1 Process Account Import Process': op => [
    probe(op, 'a dry run', 'staged', 400, { ...processBody, dry_run: true }),
    probe(op, 'an imported account', 'imported', 400, processBody)
  ],
  'V2 Validate Account': op => [
    probe(op, 'a bad landline', 'nothing', 400, { payload: brokenAccount() })
  ],
  'V2 Schedule Account Creation': op => [
    probe(op, 'a bad landline', 'nothing', 400,
      { payload: brokenAccount(), task_params: {} }),
    probe(op, 'an imported account', 'imported', 400,
      { payload: exampleAccount(), task_params: {} })
  ],
  // Only a staged account shows the list's null fields.
  'V1 Get All Account Import Processes': op => [
    probe(op, 'a staged account', 'staged', 200)
  ],
  'V1 Get Pending Account Import Processes': op => [
    probe(op, 'a staged account', 'staged', 200)
  ]
}

// Every operation that declares a 404 is asked about an unknown account,
// in its path or in its example body.
function notFoundProbes (op: Operation, app: FastifyInstance): Probe[] {
  if (op.responses['404'] === undefined) return []
  if (op.pathParams.some(name => name.startsWith('external_'))) {
    return [{
      ...probe(op, 'an unknown account', 'imported', 404),
      url: urlOf(op, UNKNOWN)
    }]
  }
  return Object.entries(op.request?.examples ?? {}).map(([name, example]) => {
    const { body, notes } = prepareExample(op, example, app)
    body.external_account_number = UNKNOWN
    return {
      ...probe(op, `example ${name} for an unknown account`, 'imported', 404,
        body),
      notes
    }
  })
}

export function errorProbes (op: Operation, app: FastifyInstance):
Probe[] {
  return [
    ...(BY_OPERATION[op.operationId]?.(op) ?? []),
    ...notFoundProbes(op, app)
  ]
}
