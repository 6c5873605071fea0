import { readFileSync } from 'node:fs'
import type { ErrorObject, ValidateFunction } from 'ajv'
import {
  checkSeedReferences, compileSeedSchema, DATE_TIME_HINT, PATTERN_HINTS
} from './seed-schema.js'
import type { Seed } from './types.js'

// Every problem in a seed file, each line naming the file and the path
// inside it, so one run shows everything there is to fix.
export class SeedError extends Error {
  override name = 'SeedError'
  readonly file: string
  readonly problems: string[]

  constructor (file: string, problems: string[]) {
    super(problems.map(problem => `${file}: ${problem}`).join('\n'))
    this.file = file
    this.problems = problems
  }
}

class JsonFault extends Error {
  constructor (readonly offset: number, reason: string) {
    super(reason)
  }
}

const LITERAL =
  /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y

// JSON.parse does not always say where it gave up (Node 20 often quotes
// the text instead), so this scanner finds the first fault itself. It is
// only run on text that JSON.parse has already refused.
function findJsonFault (text: string): JsonFault | null {
  let at = 0
  const fail = (expected: string): never => {
    const found = at < text.length ? `'${text[at]}'` : 'the end of the file'
    throw new JsonFault(at, `expected ${expected}, found ${found}`)
  }
  const skipSpace = (): void => {
    while (/[ \t\n\r]/.test(text[at] ?? '')) at++
  }
  const string = (expected: string): void => {
    if (text[at] !== '"') fail(expected)
    at++
    for (let char = text[at]; char !== '"'; char = text[at]) {
      if (char === undefined) return fail('a closing \'"\'')
      if (char < ' ') {
        throw new JsonFault(at, 'unescaped control character in a string')
      }
      if (char !== '\\') {
        at++
        continue
      }
      ESCAPE.lastIndex = at
      if (!ESCAPE.test(text)) throw new JsonFault(at, 'invalid escape')
      at = ESCAPE.lastIndex
    }
    at++
  }
  const members = (close: string, member: () => void): void => {
    at++
    skipSpace()
    if (text[at] === close) { at++; return }
    for (;;) {
      member()
      skipSpace()
      if (text[at] === close) { at++; return }
      if (text[at] !== ',') fail(`',' or '${close}'`)
      at++
    }
  }
  const value = (): void => {
    skipSpace()
    if (text[at] === '{') {
      members('}', () => {
        skipSpace()
        string('a property name in double quotes')
        skipSpace()
        if (text[at] !== ':') fail('\':\'')
        at++
        value()
      })
    } else if (text[at] === '[') {
      members(']', value)
    } else if (text[at] === '"') {
      string('a value')
    } else {
      LITERAL.lastIndex = at
      if (!LITERAL.test(text)) fail('a value')
      at = LITERAL.lastIndex
    }
  }
  try {
    value()
    skipSpace()
    if (at < text.length) {
      throw new JsonFault(at, 'unexpected text after the end of the JSON value')
    }
    return null
  } catch (err) {
    // Anything else (a stack overflow on absurd nesting) leaves the report
    // to JSON.parse's own message.
    return err instanceof JsonFault ? err : null
  }
}

function parseJson (text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    const fault = findJsonFault(text)
    if (fault === null) {
      throw new SeedError(file, [`malformed JSON: ${(err as Error).message}`])
    }
    const before = text.slice(0, fault.offset)
    const line = before.split('\n').length
    const column = fault.offset - before.lastIndexOf('\n')
    throw new SeedError(file,
      [`malformed JSON at line ${line}, column ${column}: ${fault.message}`])
  }
}

// "/importSuppliers/2/code" → "importSuppliers[2].code"
function toPath (pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1)
  if (extra !== undefined) parts.push(extra)
  return parts.map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => {
      if (/^\d+$/.test(part)) return `${path}[${part}]`
      if (!/^[A-Za-z_$][\w$]*$/.test(part)) {
        return `${path}[${JSON.stringify(part)}]`
      }
      return path === '' ? part : `${path}.${part}`
    }, '')
}

function describeValue (value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object' && value !== null) return 'an object'
  return JSON.stringify(value)
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  number: 'a number',
  integer: 'a whole number'
}

function describeSchemaError (error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  const found = `, found ${describeValue(error.data)}`
  const at = (detail: string, extra?: string): string =>
    `${toPath(error.instancePath, extra) || '(top level)'}: ${detail}`
  switch (error.keyword) {
    case 'required':
      return at('is required', String(params.missingProperty))
    case 'additionalProperties':
      return at('is not a seed field', String(params.additionalProperty))
    case 'type':
      return at(`must be ${[params.type].flat().map(type =>
        TYPE_NAMES[String(type)] ?? String(type)).join(' or ')}${found}`)
    case 'enum': {
      const choices = (error.schema as string[]).join(', ')
      return at(`must be one of ${choices}${found}`)
    }
    case 'minLength':
      return params.limit === 1
        ? at('must not be empty')
        : at(`must be at least ${String(params.limit)} characters long`)
    case 'minItems':
      return at(`must list at least ${String(params.limit)} entry`)
    case 'pattern':
      return at((PATTERN_HINTS[String(params.pattern)] ??
        `must match ${String(params.pattern)}`) + found)
    case 'format':
      return at(DATE_TIME_HINT + found)
    default:
      return at(error.message ?? 'is not valid')
  }
}

let validateShape: ValidateFunction<Seed> | undefined

export function parseSeed (text: string, file: string): Seed {
  // Editors on some systems save a byte order mark that JSON.parse refuses.
  const data = parseJson(text.replace(/^\uFEFF/, ''), file)

  validateShape ??= compileSeedSchema()
  if (!validateShape(data)) {
    const lines = (validateShape.errors ?? []).map(describeSchemaError)
    throw new SeedError(file, [...new Set(lines)])
  }

  const problems = checkSeedReferences(data)
  if (problems.length > 0) throw new SeedError(file, problems)
  return data
}

export function loadSeed (file: string): Seed {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const detail = code === 'ENOENT'
      ? 'seed file not found'
      : code === 'EISDIR'
        ? 'is a folder, not a seed file'
        : `seed file cannot be read (${code ?? (err as Error).message})`
    throw new SeedError(file, [detail])
  }
  return parseSeed(text, file)
}
