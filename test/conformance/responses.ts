import type { FastifyInstance } from 'fastify'
import type { DeclaredSchema, Operation } from '../helpers/contract.js'

// Checks a response the mock sent against what the contract declares for
// its status. Documented departures are accepted, and named:
// - a 400 in the API Basics validation envelope, which DECISIONS.md makes
//   the default over the contract's placeholder DRFError schema;
// - a list whose every item passes the schema, where the schema describes
//   one item but every example for the status is a list of such items;
// - where the contract's own examples for a status fail its schema (a
//   slip), a body with the shape of one of those examples.

export interface Verdict {
  ok: boolean
  // What the body was checked against, in words.
  against: string
  problems: string[]
}

const ENVELOPE = 'StandardizedValidationErrorResponse'

function describe (schema: DeclaredSchema): string {
  if (schema === null) return 'no body'
  if (typeof schema === 'string') return schema
  const ref = (schema.items as { $ref?: string } | undefined)?.$ref
  return ref === undefined
    ? JSON.stringify(schema)
    : `list of ${ref.replace(/\.json$/, '')}`
}

// Inline schemas in the contract are all `array of <component>`.
function problemsAgainst (app: FastifyInstance, schema: DeclaredSchema,
  data: unknown): string[] {
  if (typeof schema === 'string') {
    const { errors, undocumented } = app.schemas.validate(schema, data)
    return [
      ...errors.map(e => `${e.attr || '(root)'}: ${e.code}`),
      ...undocumented.map(attr => `${attr}: not in the schema`)
    ]
  }
  const ref = (schema?.items as { $ref?: string } | undefined)?.$ref
  if (schema?.type !== 'array' || ref === undefined) {
    throw new Error(`unsupported inline schema ${JSON.stringify(schema)}`)
  }
  if (!Array.isArray(data)) return ['(root): not a list']
  const component = ref.replace(/\.json$/, '')
  return data.flatMap((item, i) => problemsAgainst(app, component, item)
    .map(problem => `${i}.${problem}`))
}

// Same keys at every level and the same JSON types; a list matches when
// each item matches one of the example's items.
export function sameShape (example: unknown, actual: unknown): boolean {
  if (example === null || actual === null) return example === actual
  if (Array.isArray(example)) {
    return Array.isArray(actual) && actual.every(item =>
      example.some(sample => sameShape(sample, item)))
  }
  if (typeof example === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return false
    const keys = Object.keys(example as object).sort()
    const got = Object.keys(actual as object).sort()
    return keys.join() === got.join() && keys.every(key =>
      sameShape((example as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key]))
  }
  return typeof example === typeof actual
}

// The contract publishes list examples inside one list too many.
function unwrapList (schema: DeclaredSchema, example: unknown): unknown {
  const list = typeof schema === 'object' && schema?.type === 'array'
  return list && Array.isArray(example) && example.length === 1 &&
    Array.isArray(example[0])
    ? example[0]
    : example
}

export function checkResponse (app: FastifyInstance, op: Operation,
  status: number, body: string): Verdict {
  const declared = op.responses[String(status)]
  if (declared === undefined) {
    return { ok: false, against: 'nothing', problems: ['status not declared'] }
  }
  if (declared.schema === null) {
    // An error status without a declared body still gets DRF's JSON.
    const ok = body === '' || status >= 400
    return {
      ok,
      against: body === '' ? 'no body, as declared' : 'no declared body',
      problems: ok ? [] : ['the contract declares no body']
    }
  }

  const data: unknown = body === '' ? undefined : JSON.parse(body)
  const problems = problemsAgainst(app, declared.schema, data)
  if (problems.length === 0) {
    return { ok: true, against: describe(declared.schema), problems }
  }
  if (status === 400 && problemsAgainst(app, ENVELOPE, data).length === 0) {
    return {
      ok: true,
      against: `${ENVELOPE} (API Basics envelope; contract declares ` +
        `${describe(declared.schema)})`,
      problems: []
    }
  }
  const examples = Object.values(declared.examples)
  const listsOfItems = examples.length > 0 && examples.every(example =>
    Array.isArray(example) && example.every(item =>
      problemsAgainst(app, declared.schema, item).length === 0))
  if (listsOfItems && Array.isArray(data)) {
    const itemProblems = data.flatMap((item, i) =>
      problemsAgainst(app, declared.schema, item).map(p => `${i}.${p}`))
    return {
      ok: itemProblems.length === 0,
      against: `list of ${describe(declared.schema)} (the contract's ` +
        'examples are lists; its schema describes one item)',
      problems: itemProblems
    }
  }
  for (const [name, example] of Object.entries(declared.examples)) {
    const slips = problemsAgainst(app, declared.schema, example).length > 0
    const sample = unwrapList(declared.schema, example)
    if (slips && sameShape(sample, data)) {
      const unwrapped = sample === example
        ? ''
        : ', unwrapped from its extra list'
      return {
        ok: true,
        against: `shape of example "${name}" (which fails ` +
          `${describe(declared.schema)} too${unwrapped})`,
        problems: []
      }
    }
  }
  return { ok: false, against: describe(declared.schema), problems }
}
