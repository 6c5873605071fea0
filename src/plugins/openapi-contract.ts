// Turns the generated contract (schemas/<market>/) into the OpenAPI
// description of the Kraken routes the mock serves: the contract's request
// and response schemas, examples and security, per operation.
import { STATUS_CODES } from 'node:http'

type Json = Record<string, unknown>
type SchemaRef = string | Json | null

interface Operation {
  operationId: string
  method: string
  path: string
  tags: string[]
  pathParams: string[]
  security: string[]
  request: { schema: SchemaRef, required: boolean, examples: Json } | null
  responses: Record<string, { schema: SchemaRef, examples: Json }>
}

export interface Contract {
  operations: Operation[]
  component(name: string): unknown
}

const COMPONENTS = '#/components/schemas/'

// Contract schemas name each other by file ("Name.json"); in the document
// they are components, without the $id that Ajv needed.
function toDocument (schema: unknown, refs: Set<string>): unknown {
  if (Array.isArray(schema)) return schema.map(s => toDocument(s, refs))
  if (typeof schema !== 'object' || schema === null) return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$id') continue
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace(/\.json$/, '')
      refs.add(name)
      out.$ref = COMPONENTS + name
    } else {
      out[key] = toDocument(value, refs)
    }
  }
  return out
}

function media (schema: SchemaRef, examples: Json, refs: Set<string>): Json {
  const named = typeof schema === 'string'
  if (named) refs.add(schema)
  const entries = Object.entries(examples)
  return {
    'application/json': {
      schema: named ? { $ref: COMPONENTS + schema } : toDocument(schema, refs),
      ...(entries.length === 0
        ? {}
        : {
            examples: Object.fromEntries(entries.map(([k, v]) =>
              [k, { value: v }]))
          })
    }
  }
}

const authFailed = {
  description: 'No credential, or one that is wrong or expired',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { detail: { type: 'string' }, code: { type: 'string' } }
      }
    }
  }
}

function describeOperation (op: Operation, refs: Set<string>): Json {
  const responses: Json = {}
  for (const [status, answer] of Object.entries(op.responses)) {
    responses[status] = {
      description: STATUS_CODES[Number(status)] ?? status,
      ...(answer.schema === null
        ? {}
        : { content: media(answer.schema, answer.examples, refs) })
    }
  }
  responses['401'] = authFailed
  const request = op.request
  return {
    operationId: op.operationId,
    tags: op.tags,
    security: op.security.map(name => ({ [name]: [] })),
    parameters: op.pathParams.map(name =>
      ({ in: 'path', name, required: true, schema: { type: 'string' } })),
    ...(request === null || request.schema === null
      ? {}
      : {
          requestBody: {
            required: request.required,
            content: media(request.schema, request.examples, refs)
          }
        }),
    responses
  }
}

// Kraken's routes the mock serves take the contract's description, and
// every component they reach joins the document.
export function describeKrakenRoutes (document: Json,
  contract: Contract): Json {
  const paths = (document.paths ?? {}) as Record<string, Json>
  const refs = new Set<string>()
  for (const op of contract.operations) {
    const method = op.method.toLowerCase()
    if (paths[op.path]?.[method] === undefined) continue
    const described = describeOperation(op, refs)
    paths[op.path] = { ...paths[op.path], [method]: described }
  }
  const components = (document.components ?? {}) as Json
  const schemas = { ...(components.schemas as Json | undefined) }
  const pending = [...refs]
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name in schemas) continue
    const found = new Set<string>()
    schemas[name] = toDocument(contract.component(name), found)
    pending.push(...found)
  }
  return { ...document, components: { ...components, schemas } }
}
