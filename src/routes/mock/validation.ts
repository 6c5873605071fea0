// The control API checks its requests with its own Ajv: bodies strictly (no
// coercion, nothing silently removed), query and path parameters with
// strings read as numbers where a number is due. A failure answers in the
// mock's envelope, never in Fastify's own shape.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import type { FastifyInstance } from 'fastify'
import { controlRequestInvalid, type FieldError } from '../../errors.js'

const CODES: Record<string, string> = {
  required: 'required',
  type: 'invalid',
  enum: 'invalid_choice',
  additionalProperties: 'unknown_field',
  minimum: 'min_value',
  exclusiveMinimum: 'min_value',
  maximum: 'max_value',
  minLength: 'blank',
  maxLength: 'max_length',
  minProperties: 'required'
}

const OFFSET_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

// An instant with an offset, on the calendar (Date.parse rolls 30 February
// into March).
export function isOffsetDateTime (value: string): boolean {
  const match = OFFSET_DATETIME.exec(value)
  if (match === null || Number.isNaN(Date.parse(value))) return false
  const [year, month, day] = match.slice(1, 4).map(Number) as
    [number, number, number]
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
}

function createAjv (coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    useDefaults: false,
    removeAdditional: false,
    // Route schemas carry OpenAPI words (example, description) too.
    strict: false
  })
  ajv.addFormat('date-time', { type: 'string', validate: isOffsetDateTime })
  return ajv
}

function describe (error: ErrorObject): string {
  switch (error.keyword) {
    case 'required': return 'This field is required.'
    case 'additionalProperties': return 'This field is not known.'
    case 'enum':
      return 'Use one of: ' +
        (error.params.allowedValues as unknown[]).join(', ') + '.'
    case 'format': return 'Must be a date-time with an offset, like ' +
      '2025-01-31T09:00:00Z.'
    default: {
      const message = error.message ?? 'is not valid'
      return message.charAt(0).toUpperCase() + message.slice(1) + '.'
    }
  }
}

function toFieldError (error: ErrorObject, part: string): FieldError {
  const path = error.instancePath.split('/').slice(1)
  if (error.keyword === 'required') path.push(error.params.missingProperty)
  if (error.keyword === 'additionalProperties') {
    path.push(error.params.additionalProperty)
  }
  if (part !== 'body') path.unshift(part)
  return {
    detail: describe(error),
    code: CODES[error.keyword] ?? 'invalid',
    attr: path.length === 0 ? 'non_field_errors' : path.join('.')
  }
}

// Applies to the routes of the instance it is given. Response schemas are
// documentation only: replies are plain JSON.stringify, so a schema can
// never drop a field the mock meant to send.
//
// Each schema is compiled after the mock reports ready, in the background
// (or on its route's first request, if that comes sooner), not at start:
// every test run waits for the mock to be ready.
export function installControlValidation (app: FastifyInstance): void {
  let strict: Ajv | undefined
  let lenient: Ajv | undefined
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const part = httpPart === 'querystring' ? 'query' : httpPart ?? 'body'
    let compiled: ValidateFunction | undefined
    const compile = (): ValidateFunction => (compiled ??= part === 'body'
      ? (strict ??= createAjv(false)).compile(schema)
      : (lenient ??= createAjv(true)).compile(schema))
    app.readiness.afterReady(() => { compile() })
    return (data: unknown) => {
      const validate = compile()
      // No body at all reads as an empty object, as the JSON parser does.
      const value = data ?? {}
      if (validate(value)) return { value }
      // An if/then reports its failing branch, and then itself again.
      const errors = (validate.errors ?? []).filter(e => e.keyword !== 'if')
        .map(e => toFieldError(e, part))
      return { error: controlRequestInvalid(errors) }
    }
  })
  app.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data))
}
