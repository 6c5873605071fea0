// Converts one OpenAPI 3.0 schema object into the JSON Schema dialect the
// mock's validator compiles (standard keywords plus a few x- keywords for
// what DRF does differently; see docs/schemas.md).

export type Json = null | boolean | number | string | Json[] |
  { [key: string]: Json }
export type SchemaNode = Record<string, unknown>

export interface ConvertContext {
  rules: Array<{ schema: string, field: string | null, codes: string[] }>
  owner: string
  path: string[]
}

// Prose and presentation hints: not facts a validator needs.
const DROPPED = new Set([
  'description', 'title', 'summary', 'x-enum-descriptions', 'x-spec-enum-id',
  'x-doc-alerts', 'x-comment', 'example', 'examples', 'externalDocs'
])

// Enums that list one Kraken instance's own records; the mock checks these
// against its seed instead, under the name given here.
const REFERENCE_ENUMS: Record<string, string> = {
  import_supplier: 'importSupplier',
  import_supplier_code: 'importSupplier',
  campaign_name: 'campaignName'
}

const DECIMAL_PATTERN = /^\^-\?\\d\{0,(\d+)\}\(\?:\\\.\\d\{0,(\d+)\}\)\?\$$/

const FORMAT_KEYWORDS: Record<string, string> = {
  date: 'x-date',
  'date-time': 'x-datetime',
  time: 'x-time',
  email: 'x-email'
}

function refTarget (ref: string): string {
  return `${ref.slice(ref.lastIndexOf('/') + 1)}.json`
}

function collectRules (node: SchemaNode, ctx: ConvertContext): void {
  const validators = node['x-validators'] as SchemaNode[] | undefined
  for (const validator of validators ?? []) {
    ctx.rules.push({
      schema: ctx.owner,
      field: ctx.path.length === 0 ? null : ctx.path.join('.'),
      codes: (validator.possible_errors as string[] | undefined) ?? []
    })
  }
}

function referenceName (node: SchemaNode, ctx: ConvertContext): string | null {
  const field = ctx.path[ctx.path.length - 1]
  if (field === undefined || !Array.isArray(node.enum)) return null
  if (field === 'slug' && ctx.owner === 'AccountCampaign') return 'campaignSlug'
  return REFERENCE_ENUMS[field] ?? null
}

// oneOf + discriminator becomes one if/then per mapped value, so that only
// the chosen branch reports errors, as Kraken's polymorphic serializers do.
function convertDiscriminator (node: SchemaNode): Json {
  const disc = node.discriminator as SchemaNode
  const prop = disc.propertyName as string
  const mapping = disc.mapping as Record<string, string>
  const keys = Object.keys(mapping)
  const isBoolean = keys.every(k => ['', 'true', 'false'].includes(k))
  const branches: Json[] = []
  for (const key of keys) {
    const target = { $ref: refTarget(mapping[key] as string) }
    if (key === '') {
      branches.push({
        if: { not: { required: [prop] } },
        then: target
      })
      continue
    }
    const value: Json = isBoolean ? key === 'true' : key
    branches.push({
      if: { required: [prop], properties: { [prop]: { const: value } } },
      then: target
    })
  }
  const known: Json[] = isBoolean ? [true, false] : keys
  return {
    type: 'object',
    ...(isBoolean ? {} : { required: [prop] }),
    properties: { [prop]: { enum: known } },
    allOf: branches,
    'x-discriminator': prop
  }
}

function convertObject (node: SchemaNode, ctx: ConvertContext,
  out: Record<string, Json>): void {
  const props = node.properties as Record<string, SchemaNode>
  const required = new Set((node.required as string[] | undefined) ?? [])
  const converted: Record<string, Json> = {}
  for (const [name, child] of Object.entries(props)) {
    const sub = convertSchema(child, {
      ...ctx, path: [...ctx.path, name]
    }) as Record<string, Json>
    const plainString = sub.type === 'string' && sub.enum === undefined &&
      sub['x-reference'] === undefined &&
      Object.values(FORMAT_KEYWORDS).every(k => sub[k] === undefined)
    // DRF refuses "" in a required text field with its own `blank` code.
    if (required.has(name) && plainString) sub['x-not-blank'] = true
    converted[name] = sub
  }
  out.properties = converted
  if (node.additionalProperties === undefined) out.additionalProperties = false
}

export function convertSchema (node: SchemaNode, ctx: ConvertContext): Json {
  if (typeof node.$ref === 'string') return { $ref: refTarget(node.$ref) }
  collectRules(node, ctx)
  if (node.discriminator !== undefined) return convertDiscriminator(node)

  const out: Record<string, Json> = {}
  const nullable = node.nullable === true
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key === 'x-validators' || key === 'nullable') continue
    if (key === 'properties' || key === 'pattern' || key === 'format') continue
    if (key === 'items') {
      out.items = convertSchema(value as SchemaNode,
        { ...ctx, path: [...ctx.path, '*'] })
    } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
      out[key] = (value as SchemaNode[]).map(v => convertSchema(v, ctx))
    } else if (key === 'additionalProperties' && typeof value === 'object') {
      out[key] = convertSchema(value as SchemaNode, ctx)
    } else {
      out[key] = value as Json
    }
  }
  if (node.properties !== undefined) convertObject(node, ctx, out)
  convertFormat(node, out)

  const reference = referenceName(node, ctx)
  if (reference !== null) {
    // A blank in the listed choices stays allowed once the list is the seed.
    if ((out.enum as Json[]).includes('')) out['x-allow-blank'] = true
    delete out.enum
    out['x-reference'] = reference
  }
  return nullable ? makeNullable(out) : out
}

function convertFormat (node: SchemaNode, out: Record<string, Json>): void {
  const format = node.format as string | undefined
  const pattern = node.pattern as string | undefined
  if (format === 'decimal') {
    const match = pattern === undefined ? null : DECIMAL_PATTERN.exec(pattern)
    const whole = Number(match?.[1] ?? 0)
    const places = Number(match?.[2] ?? 0)
    // DRF takes decimals as JSON numbers or numeric strings.
    out.type = ['string', 'number']
    out['x-decimal'] = match === null
      ? {}
      : { maxDigits: whole + places, decimalPlaces: places }
    return
  }
  if (pattern !== undefined) out.pattern = pattern
  if (format === undefined) return
  const keyword = FORMAT_KEYWORDS[format]
  if (keyword === undefined) out.format = format
  else out[keyword] = true
}

function makeNullable (out: Record<string, Json>): Json {
  if (out.type !== undefined) {
    const types = Array.isArray(out.type) ? out.type : [out.type]
    out.type = [...types, 'null']
    if (Array.isArray(out.enum) && !out.enum.includes(null)) {
      out.enum = [...out.enum, null]
    }
    return out
  }
  // `nullable` beside allOf/$ref: null passes, anything else must match.
  const { default: fallback, deprecated, ...rest } = out
  return {
    ...(fallback === undefined ? {} : { default: fallback }),
    ...(deprecated === undefined ? {} : { deprecated }),
    if: { type: 'null' },
    else: rest
  }
}
