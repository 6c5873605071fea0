import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type * as AjvModule from 'ajv'
import type { ErrorObject, Options } from 'ajv'
import type { FieldError } from '../errors.js'
import { coerceLikeDrf } from './coerce.js'
import {
  addKeywords, createKeywordRuntime, type KeywordRuntime, type ReferenceLookup,
  type Visit
} from './keywords.js'
import { joinAttr, pointerToAttr, translateErrors } from './translate.js'

export interface SchemaOutcome {
  errors: FieldError[]
  // Fields the contract does not document, as dot paths and, in the same
  // order, as keys from the payload's root.
  undocumented: string[]
  undocumentedKeys: string[][]
  // Which component each object of the payload was validated as.
  visits: Visit[]
}

export interface SchemaValidator {
  validate(component: string, data: unknown): SchemaOutcome
  has(component: string): boolean
}

export interface SchemaValidatorOptions {
  dir: string
  timezone: string
  references: ReferenceLookup
}

// The same options compile in memory and for validators.cjs.
export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allowUnionTypes: true
}

// validators.cjs, written by `npm run schemas` beside the components it was
// compiled from: a function of the keyword runtime returning one validate
// function per component.
export const COMPILED_FILE = 'validators.cjs'

export interface Validate {
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}
type Lookup = (component: string) => Validate | undefined

const require = createRequire(import.meta.url)

function componentFiles (dir: string): string[] {
  const componentsDir = join(dir, 'components')
  return readdirSync(componentsDir).filter(f => f.endsWith('.json')).sort()
    .map(f => join(componentsDir, f))
}

// Without a compiled file (a schema directory made by hand, say), compile
// in memory, each component on first use.
function compileInMemory (dir: string, rt: KeywordRuntime):
{ names: Set<string>, lookup: Lookup } {
  const { Ajv } = require('ajv') as typeof AjvModule
  const ajv = new Ajv(AJV_OPTIONS)
  addKeywords(ajv, rt)
  const names = new Set<string>()
  for (const file of componentFiles(dir)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id: string }
    ajv.addSchema(schema)
    names.add(schema.$id.slice(0, -'.json'.length))
  }
  return {
    names,
    lookup: (component) => names.has(component)
      ? ajv.getSchema(`${component}.json`) as Validate
      : undefined
  }
}

function loadValidators (dir: string, rt: KeywordRuntime):
{ names: Set<string>, lookup: Lookup } {
  const file = join(dir, COMPILED_FILE)
  if (!existsSync(file)) return compileInMemory(dir, rt)
  const create = require(file) as (rt: KeywordRuntime) =>
  Record<string, Validate>
  const validators = create(rt)
  return {
    names: new Set(Object.keys(validators)),
    lookup: (component) => validators[component]
  }
}

export function createSchemaValidator (
  options: SchemaValidatorOptions): SchemaValidator {
  let visits: Visit[] = []
  const rt = createKeywordRuntime({
    timezone: options.timezone,
    references: options.references,
    onVisit: (visit) => { visits.push(visit) }
  })
  const { names, lookup } = loadValidators(options.dir, rt)

  function validatorFor (component: string): Validate {
    const fn = lookup(component)
    if (fn === undefined) throw new Error(`unknown schema ${component}`)
    return fn
  }

  return {
    has: (component) => names.has(component),
    validate (component, data) {
      const fn = validatorFor(component)
      visits = []
      // One extra pass at most: coercion only turns values into ones the
      // schema's types accept.
      if (!fn(data) && coerceLikeDrf(data, fn.errors ?? [])) {
        visits = []
        fn(data)
      }
      const { errors, undocumented, undocumentedKeys } =
        translateErrors(fn.errors ?? [])
      return { errors, undocumented, undocumentedKeys, visits }
    }
  }
}

// The dot path of a visited object ('' for the payload itself).
export function attrOfVisit (visit: Visit): string {
  return pointerToAttr(visit.pointer)
}

// Removes undocumented fields, each given as its keys from the root, from a
// payload that passed validation, the way Kraken ignores them. Keys, not
// dot paths: a field named "a.b" is not field b of a.
export function dropFields (data: unknown, fields: string[][]): void {
  for (const keys of fields) {
    let node: unknown = data
    for (const key of keys.slice(0, -1)) {
      node = (node as Record<string, unknown> | undefined)?.[key]
    }
    const last = keys[keys.length - 1]
    if (last !== undefined && node !== null && typeof node === 'object' &&
      !Array.isArray(node)) {
      delete (node as Record<string, unknown>)[last]
    }
  }
}

export { joinAttr }
