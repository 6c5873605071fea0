import { createHash } from 'node:crypto'
import { COMPILED_FILE } from '../../src/validation/schema-validator.js'
import { compileValidators } from './compile-validators.js'
import { convertSchema, type Json, type SchemaNode } from './convert-schema.js'

// Reads an OpenAPI 3.0 contract (already parsed) and returns the files of
// schemas/<market>/ by relative path: one JSON Schema per component, the
// operations (paths, statuses, examples), the x-validators catalogue and
// the components compiled ahead of time (validators.cjs).

interface RuleEntry { schema: string, field: string | null, codes: string[] }

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

function refName (ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1)
}

// Operations name their bodies by component where the contract does, and
// carry inline schemas (lists of a component, mostly) converted the same way.
function bodySchema (schema: SchemaNode | undefined): Json {
  if (schema === undefined) return null
  if (typeof schema.$ref === 'string') return refName(schema.$ref)
  return convertSchema(schema, { rules: [], owner: '', path: [] }) as Json
}

function examplesOf (media: SchemaNode | undefined): Record<string, Json> {
  const out: Record<string, Json> = {}
  const examples = media?.examples as Record<string, SchemaNode> | undefined
  for (const [name, example] of Object.entries(examples ?? {})) {
    out[name] = example.value as Json
  }
  return out
}

function convertOperation (path: string, method: string, op: SchemaNode): Json {
  const content = (op.requestBody as SchemaNode | undefined)?.content as
    Record<string, SchemaNode> | undefined
  const media = content?.['application/json']
  const responses: Record<string, Json> = {}
  for (const [status, response] of Object.entries(
    op.responses as Record<string, SchemaNode>)) {
    const body = (response.content as Record<string, SchemaNode> | undefined)
      ?.['application/json']
    responses[status] = {
      schema: bodySchema(body?.schema as SchemaNode | undefined),
      examples: examplesOf(body)
    }
  }
  const params = (op.parameters as SchemaNode[] | undefined) ?? []
  return {
    operationId: op.operationId as string,
    method: method.toUpperCase(),
    path,
    tags: (op.tags as string[] | undefined) ?? [],
    pathParams: params.filter(p => p.in === 'path').map(p => p.name as string),
    security: ((op.security as SchemaNode[] | undefined) ?? [])
      .flatMap(s => Object.keys(s)),
    request: media === undefined
      ? null
      : {
          schema: bodySchema(media.schema as SchemaNode),
          required: (op.requestBody as SchemaNode).required === true,
          examples: examplesOf(media)
        },
    responses
  }
}

function stable (value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}

export function convertContract (contract: unknown): Map<string, string> {
  const doc = contract as SchemaNode
  const files = new Map<string, string>()
  const rules: RuleEntry[] = []
  const components = (doc.components as SchemaNode).schemas as
    Record<string, SchemaNode>

  for (const name of Object.keys(components).sort()) {
    const converted = convertSchema(components[name] as SchemaNode,
      { rules, owner: name, path: [] }) as Record<string, Json>
    const withId = { $id: `${name}.json`, 'x-component': name, ...converted }
    files.set(`components/${name}.json`, stable(withId))
  }

  const componentFiles = new Map<string, string>()
  for (const [file, content] of files) {
    componentFiles.set(file.slice('components/'.length), content)
  }
  files.set(COMPILED_FILE, compileValidators(componentFiles))

  const operations: Json[] = []
  const paths = doc.paths as Record<string, SchemaNode>
  for (const path of Object.keys(paths).sort()) {
    for (const method of METHODS) {
      const op = paths[path]?.[method] as SchemaNode | undefined
      if (op !== undefined) operations.push(convertOperation(path, method, op))
    }
  }
  files.set('operations.json', stable(operations))
  files.set('validators.json', stable(rules))

  const info = doc.info as SchemaNode
  files.set('manifest.json', stable({
    source: `${info.title as string} ${info.version as string}`,
    openapi: doc.openapi,
    components: Object.keys(components).length,
    operations: operations.length,
    validatorRules: rules.length,
    errorCodes: new Set(rules.flatMap(r => r.codes)).size,
    contractSha256: createHash('sha256')
      .update(JSON.stringify(contract)).digest('hex')
  }))
  return files
}
