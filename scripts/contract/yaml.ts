import YAML from 'yaml'

// The contract is written by a Python YAML dumper (YAML 1.1 rules). Under
// those rules `07123456789` or `0393` are strings, not numbers, because a
// decimal integer may not start with 0; the yaml package is laxer, so the
// plain integer tag is narrowed here to read the contract as its author did.
const STRICT_DECIMAL = /^[-+]?(?:0|[1-9][0-9_]*)$/

type Tag = { tag: string, format?: string, test?: RegExp }

export function parseContractYaml (text: string): unknown {
  const value: unknown = YAML.parse(text, {
    version: '1.1',
    maxAliasCount: -1,
    customTags: (tags) => (tags as Tag[]).map(tag =>
      tag.tag === 'tag:yaml.org,2002:int' && tag.format === undefined &&
        tag.test?.source === '^[-+]?[0-9][0-9_]*$'
        ? { ...tag, test: STRICT_DECIMAL }
        : tag) as typeof tags
  })
  return normaliseDates(value)
}

// Unquoted dates become Date objects; JSON carries them as ISO text.
function normaliseDates (value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (Array.isArray(value)) return value.map(normaliseDates)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = normaliseDates(item)
    }
    return out
  }
  return value
}
