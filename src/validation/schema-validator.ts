import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import type { FieldError } from '../errors.js'
import { coerceLikeDrf } from './coerce.js'
import { addKeywords, type ReferenceLookup, type Visit } from './keywords.js'
import { joinAttr, pointerToAttr, translateErrors } from './translate.js'

export interface SchemaOutcome {
  errors: FieldError[]
  // Dot paths of fields the contract does not document.
  undocumented: string[]
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

export function createSchemaValidator (
  options: SchemaValidatorOptions): SchemaValidator {
  let visits: Visit[] = []
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true
  })
  addKeywords(ajv, {
    timezone: options.timezone,
    references: options.references,
    onVisit: (visit) => visits.push(visit)
  })

  const componentsDir = join(options.dir, 'components')
  const names = new Set<string>()
  for (const file of readdirSync(componentsDir).sort()) {
    if (!file.endsWith('.json')) continue
    ajv.addSchema(JSON.parse(readFileSync(join(componentsDir, file), 'utf8')))
    names.add(file.slice(0, -'.json'.length))
  }

  const compiled = new Map<string, ValidateFunction>()
  function validatorFor (component: string): ValidateFunction {
    let fn = compiled.get(component)
    if (fn === undefined) {
      const found = ajv.getSchema(`${component}.json`)
      if (found === undefined) throw new Error(`unknown schema ${component}`)
      fn = found
      compiled.set(component, fn)
    }
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
      const found = visits.map(v => ({ ...v, path: pointerToAttr(v.path) }))
      const { errors, undocumented } = translateErrors(fn.errors ?? [])
      return { errors, undocumented, visits: found }
    }
  }
}

// Removes undocumented fields from a payload that passed validation, the
// way Kraken ignores them, and returns their dot paths.
export function dropFields (data: unknown, attrs: string[]): void {
  for (const attr of attrs) {
    const parts = attr.split('.')
    const last = parts.pop() as string
    let node: unknown = data
    for (const part of parts) {
      node = (node as Record<string, unknown> | undefined)?.[part]
    }
    if (node !== null && typeof node === 'object') {
      delete (node as Record<string, unknown>)[last]
    }
  }
}

export { joinAttr }
