import { createRequire } from 'node:module'
import type * as AjvModule from 'ajv'
import type { Ajv, Code, KeywordCxt } from 'ajv'
import { textMemo } from '../lib/text-memo.js'
import { checkDecimal, type DecimalLimits } from './decimal.js'
import { isDateText, isValidTime, parseDateTime } from './temporal.js'

// The x- keywords of the generated schemas (docs/schemas.md). Each reports
// DRF's code in params.code so translate.ts need not guess.
//
// The keywords generate code that calls the helpers of a KeywordRuntime,
// named `rt` in the generated source. That code can be compiled once, when
// the schemas are generated (validators.cjs), and bound to a runtime per
// validator at start, instead of compiling 139 schemas on every start.

export type ReferenceKind = 'importSupplier' | 'campaignName' | 'campaignSlug'
export type ReferenceLookup = (kind: ReferenceKind, value: string) => boolean

export interface Visit {
  component: string
  // Where the object is, as a JSON pointer (see attrOfVisit for the dot
  // path, which most visits never need).
  pointer: string
  data: unknown
}

export interface KeywordOptions {
  timezone: string
  references: ReferenceLookup
  // Called for every object validated against a named component, so the
  // business rules know which component each part of the payload is.
  onVisit: (visit: Visit) => void
}

export interface Problem { code: string, detail: string }
type Check = (data: unknown) => Problem | null

export interface KeywordRuntime {
  decimal: (data: unknown, limits: DecimalLimits) => Problem | null
  date: Check
  datetime: Check
  time: Check
  email: Check
  notBlank: Check
  reference: (kind: ReferenceKind, data: unknown, allowBlank: boolean) =>
  Problem | null
  visit: (component: string, pointer: string, data: unknown) => void
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

const invalid = (detail: string): Problem => ({ code: 'invalid', detail })

const DATE_PROBLEM = invalid('Date has wrong format. Use YYYY-MM-DD.')
const TIME_PROBLEM = invalid('Time has wrong format. Use hh:mm[:ss[.uuuuuu]].')
const EMAIL_PROBLEM = invalid('Enter a valid email address.')
const DATETIME_PROBLEM =
  invalid('Datetime has wrong format. Use ISO 8601 with Z or an offset.')
const BLANK_PROBLEM = { code: 'blank', detail: 'This field may not be blank.' }

// Reading a datetime in a named zone costs more than the rest of the
// schema together; cohorts repeat their dates endlessly, so answers are
// kept per text.
function datetimeCheck (timezone: string): Check {
  const problemOf = textMemo(10_000, (text): Problem | null => {
    const parsed = parseDateTime(text, timezone)
    if (parsed.ok) return null
    return parsed.reason === 'nonexistent'
      ? { code: 'make_aware', detail: `${text} does not exist in ${timezone}.` }
      : DATETIME_PROBLEM
  })
  return (data) => typeof data === 'string' ? problemOf(data) : null
}

export function createKeywordRuntime (options: KeywordOptions): KeywordRuntime {
  return {
    decimal: (data, limits) =>
      data === null ? null : checkDecimal(data, limits),
    date: (data) =>
      typeof data !== 'string' || isDateText(data)
        ? null
        : DATE_PROBLEM,
    datetime: datetimeCheck(options.timezone),
    time: (data) =>
      typeof data !== 'string' || isValidTime(data) ? null : TIME_PROBLEM,
    email: (data) =>
      typeof data !== 'string' || data === '' || EMAIL.test(data)
        ? null
        : EMAIL_PROBLEM,
    notBlank: (data) =>
      typeof data === 'string' && data.trim() === '' ? BLANK_PROBLEM : null,
    reference: (kind, data, allowBlank) =>
      typeof data !== 'string' || (data === '' && allowBlank) ||
      options.references(kind, data)
        ? null
        : {
            code: 'does_not_exist',
            detail: `"${data}" does not exist on this Kraken instance.`
          },
    visit: (component, pointer, data) => {
      if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
        options.onVisit({ component, pointer, data })
      }
    }
  }
}

// Loaded only when compiling: the mock itself runs precompiled code and
// need not load AJV's compiler at all.
const require = createRequire(import.meta.url)

// Adds the keywords to an AJV instance. `rt` is what the code calls when
// this instance compiles in memory; generated source names it `rt` instead.
export function addKeywords (ajv: Ajv, rt: KeywordRuntime | object): void {
  const { _, str } = require('ajv') as typeof AjvModule
  const runtime = (cxt: KeywordCxt): Code =>
    cxt.gen.scopeValue('obj', { ref: rt, code: _`rt` })

  type SchemaType = 'object' | 'boolean' | 'string'
  function checked (keyword: string, schemaType: SchemaType,
    call: (cxt: KeywordCxt, fn: Code) => Code): void {
    ajv.addKeyword({
      keyword,
      schemaType,
      error: {
        message: ({ params }) => _`${params.problem as Code}.detail`,
        params: ({ params }) => _`{code: ${params.problem as Code}.code}`
      },
      code (cxt) {
        const problem = cxt.gen.const('problem', call(cxt, runtime(cxt)))
        cxt.setParams({ problem })
        cxt.fail(_`${problem} !== null`)
      }
    })
  }

  ajv.addKeyword({ keyword: 'x-discriminator', schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-use-instead', schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-allow-blank', schemaType: 'boolean' })

  checked('x-decimal', 'object',
    (cxt, fn) => _`${fn}.decimal(${cxt.data}, ${cxt.schemaValue})`)
  for (const [keyword, helper] of [['x-date', 'date'],
    ['x-datetime', 'datetime'], ['x-time', 'time'], ['x-email', 'email'],
    ['x-not-blank', 'notBlank']]) {
    checked(keyword as string, 'boolean',
      (cxt, fn) => _`${fn}[${helper}](${cxt.data})`)
  }
  checked('x-reference', 'string', (cxt, fn) => {
    const allowBlank = cxt.parentSchema['x-allow-blank'] === true
    const kind = cxt.schema as string
    return _`${fn}.reference(${kind}, ${cxt.data}, ${allowBlank})`
  })

  ajv.addKeyword({
    keyword: 'x-component',
    schemaType: 'string',
    code (cxt) {
      const path = str`${_`instancePath`}${cxt.it.errorPath}`
      const component = cxt.schema as string
      cxt.gen.code(
        _`${runtime(cxt)}.visit(${component}, ${path}, ${cxt.data})`)
    }
  })
}
