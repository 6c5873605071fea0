import type { Ajv, ErrorObject, SchemaValidateFunction } from 'ajv'
import { checkDecimal, type DecimalLimits } from './decimal.js'
import { isValidTime, parseDate, parseDateTime } from './temporal.js'

// The x- keywords of the generated schemas (docs/schemas.md). Each reports
// DRF's code in params.code so translate.ts need not guess.

export type ReferenceKind = 'importSupplier' | 'campaignName' | 'campaignSlug'
export type ReferenceLookup = (kind: ReferenceKind, value: string) => boolean

export interface Visit {
  component: string
  path: string
  data: unknown
}

export interface KeywordOptions {
  timezone: string
  references: ReferenceLookup
  // Called for every object validated against a named component, so the
  // business rules know which component each part of the payload is.
  onVisit: (visit: Visit) => void
}

type Check = (schema: unknown, data: unknown,
  parent: Record<string, unknown>) => { code: string, detail: string } | null

type SchemaType = 'object' | 'boolean' | 'string'

function keyword (ajv: Ajv, name: string, schemaType: SchemaType,
  check: Check): void {
  const validate: SchemaValidateFunction = function (schema, data, parent) {
    const problem = check(schema, data, (parent ?? {}) as Record<string, unknown>)
    if (problem === null) return true
    validate.errors = [{
      keyword: name,
      message: problem.detail,
      params: { code: problem.code }
    } as unknown as ErrorObject]
    return false
  }
  ajv.addKeyword({ keyword: name, schemaType, errors: true, validate })
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

const invalid = (detail: string): { code: string, detail: string } =>
  ({ code: 'invalid', detail })

export function addKeywords (ajv: Ajv, options: KeywordOptions): void {
  ajv.addKeyword({ keyword: 'x-discriminator', schemaType: 'string' })
  ajv.addKeyword({ keyword: 'x-use-instead', schemaType: 'string' })

  keyword(ajv, 'x-decimal', 'object', (limits, data) =>
    data === null ? null : checkDecimal(data, limits as DecimalLimits))

  keyword(ajv, 'x-date', 'boolean', (_s, data) =>
    typeof data !== 'string' || parseDate(data) !== null
      ? null
      : invalid('Date has wrong format. Use YYYY-MM-DD.'))

  keyword(ajv, 'x-datetime', 'boolean', (_s, data) => {
    if (typeof data !== 'string') return null
    const parsed = parseDateTime(data, options.timezone)
    if (parsed.ok) return null
    return parsed.reason === 'nonexistent'
      ? { code: 'make_aware', detail: `${data} does not exist in ${options.timezone}.` }
      : invalid('Datetime has wrong format. Use ISO 8601 with Z or an offset.')
  })

  keyword(ajv, 'x-time', 'boolean', (_s, data) =>
    typeof data !== 'string' || isValidTime(data)
      ? null
      : invalid('Time has wrong format. Use hh:mm[:ss[.uuuuuu]].'))

  keyword(ajv, 'x-email', 'boolean', (_s, data) =>
    typeof data !== 'string' || data === '' || EMAIL.test(data)
      ? null
      : invalid('Enter a valid email address.'))

  keyword(ajv, 'x-not-blank', 'boolean', (_s, data) =>
    typeof data === 'string' && data.trim() === ''
      ? { code: 'blank', detail: 'This field may not be blank.' }
      : null)

  ajv.addKeyword({ keyword: 'x-allow-blank', schemaType: 'boolean' })
  keyword(ajv, 'x-reference', 'string', (kind, data, parent) =>
    typeof data !== 'string' ||
    (data === '' && parent['x-allow-blank'] === true) ||
    options.references(kind as ReferenceKind, data)
      ? null
      : {
          code: 'does_not_exist',
          detail: `"${data}" does not exist on this Kraken instance.`
        })

  const visit: SchemaValidateFunction = function (component, data, _p, cxt) {
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      options.onVisit({ component, path: cxt?.instancePath ?? '', data })
    }
    return true
  }
  ajv.addKeyword({
    keyword: 'x-component', schemaType: 'string', errors: false, validate: visit
  })
}
