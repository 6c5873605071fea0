// Lists the reference data a Kraken data-import contract relies on: the
// instance records its examples name, and the enums that hold one
// instance's own records (import suppliers, campaigns). The default seed
// was written from this output; run it by hand when the contract changes:
//   npx tsx scripts/extract-seed-reference.ts <contract.openapi.yml>
import { readFileSync } from 'node:fs'
import YAML from 'yaml'

type JsonObject = Record<string, unknown>
type Fuel = 'ELECTRICITY' | 'GAS'

const AGENT_ROLES: Record<string, string> = {
  da: 'DATA_AGGREGATOR',
  dc: 'DATA_COLLECTOR',
  mop: 'METER_OPERATOR',
  mam: 'METER_ASSET_MANAGER'
}

function isObject (value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text (value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

// Each kind keeps its values in first-seen order, with every example that
// uses them, so a reader can check a value against the contract.
class Findings {
  private readonly kinds = new Map<string, Map<string, Set<string>>>()

  add (kind: string, value: unknown, where: string): void {
    const values = this.kinds.get(kind) ?? new Map<string, Set<string>>()
    this.kinds.set(kind, values)
    const key = JSON.stringify(value)
    values.set(key, (values.get(key) ?? new Set<string>()).add(where))
  }

  toJSON (): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {}
    for (const [kind, values] of [...this.kinds].sort()) {
      out[kind] = [...values].map(([key, places]) => {
        const value: unknown = JSON.parse(key)
        const where = [...places]
        return isObject(value) ? { ...value, where } : { value, where }
      })
    }
    return out
  }
}

// "paths./v2/…/post.requestBody….examples.ExamplePayload" reads better as
// "POST /v2/… request ExamplePayload".
function describe (keys: string[]): string {
  if (keys[0] !== 'paths') return keys.join('.')
  const [, path = '', method = ''] = keys
  const name = keys[keys.indexOf('examples') + 1] ?? 'example'
  const status = keys[keys.indexOf('responses') + 1]
  const part = keys.includes('responses') ? `response ${status}` : 'request'
  return `${method.toUpperCase()} ${path} ${part} ${name}`
}

// The nearest enclosing meter point (the object that has a supply type).
function meterPointOf (node: JsonObject, stack: JsonObject[]):
  JsonObject | null {
  return [...stack, node].reverse()
    .find(candidate => text(candidate.supply_type) !== undefined) ?? null
}

function fuelOf (meterPoint: JsonObject | null): Fuel | null {
  const fuel = meterPoint?.supply_type
  return fuel === 'ELECTRICITY' || fuel === 'GAS' ? fuel : null
}

// A prepay meter is recognised by `is_prepay` or by its prepay details,
// as the contract's prepay validators describe.
function hasPrepayMeter (meterPoint: JsonObject | null): boolean {
  const meters = meterPoint?.meters
  return Array.isArray(meters) && meters.some(meter => isObject(meter) &&
    (meter.is_prepay === true || isObject(meter.prepay_details)))
}

// Fields whose text names a record of one kind, wherever they appear.
const TEXT_FIELDS: Array<[string, string]> = [
  ['importSuppliers', 'import_supplier'],
  ['importSuppliers', 'import_supplier_code'],
  ['debtCollectionAgencies', 'agency_name'],
  ['operationsTeams', 'operations_team_name'],
  ['ledgerCodes', 'ledger_code'],
  ['timePatternRegimes', 'tpr']
]

function inspect (node: JsonObject, key: string, stack: JsonObject[],
  where: string, found: Findings): void {
  const add = (kind: string, value: unknown): void => {
    if (value !== undefined) found.add(kind, value, where)
  }
  for (const [kind, field] of TEXT_FIELDS) add(kind, text(node[field]))
  if (key === 'references') add('referenceNamespaces', text(node.namespace))
  if (key === 'dunning_path') add('dunningPaths', text(node.path_name))
  if (key === 'account_campaigns') {
    add('campaigns', {
      name: text(node.campaign_name) ?? text(node.name) ?? null,
      slug: text(node.slug) ?? null
    })
  }

  const meterPoint = meterPointOf(node, stack)
  const fuel = fuelOf(meterPoint)
  const tariffCode = text(node.tariff_code)
  if (tariffCode !== undefined) {
    add('tariffs',
      { tariffCode, fuel, onPrepayMeterPoint: hasPrepayMeter(meterPoint) })
  }
  const productCode = text(node.product_code)
  if (productCode !== undefined) {
    const items = Array.isArray(node.line_items) ? node.line_items : []
    const rateBands = items.filter(isObject).map(item => item.rate_band)
    add('products', { productCode, rateBands })
  }
  for (const [field, market] of [['elec', 'ELECTRICITY'], ['gas', 'GAS']]) {
    const code = text(node[`${field}_industry_code`])
    if (code !== undefined) add('psrIndustryCodes', { fuel: market, code })
  }

  type Participant = [unknown, string, Fuel | null]
  const agentRole = AGENT_ROLES[key.split('_')[0] ?? ''] ?? 'AGENT'
  const agents = Object.entries(AGENT_ROLES).map(
    ([field, role]): Participant => [node[`${field}_to_appoint`], role, fuel])
  const participants: Participant[] = [
    [node.mpid, 'SUPPLIER', fuel],
    [node.shipper_mpid, 'SHIPPER', 'GAS'],
    [node.agent_mpid, agentRole, fuel],
    ...agents
  ]
  for (const [mpid, role, market] of participants) {
    if (text(mpid) !== undefined) {
      add('marketParticipants', { mpid, fuel: market, role })
    }
  }
}

function collect (value: unknown, key: string, stack: JsonObject[],
  where: string, found: Findings): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, key, stack, where, found)
    return
  }
  if (!isObject(value)) return
  inspect(value, key, stack, where, found)
  for (const [childKey, child] of Object.entries(value)) {
    collect(child, childKey, [...stack, value], where, found)
  }
}

function collectExamples (key: string, value: unknown, keys: string[],
  found: Findings): void {
  if (key === 'example') {
    collect(value, key, [], describe(keys), found)
    return
  }
  const named = isObject(value) ? Object.entries(value) : []
  for (const [name, example] of named) {
    const body = isObject(example) && 'value' in example
      ? example.value
      : example
    collect(body, key, [], describe([...keys, name]), found)
  }
}

// An enum's values paired with their x-enum-descriptions, leaving out the
// blank and null choices that nullable fields add.
function describedEnum (property: unknown): Array<[string, string]> {
  if (!isObject(property) || !Array.isArray(property.enum)) return []
  const descriptions = isObject(property['x-enum-descriptions'])
    ? property['x-enum-descriptions']
    : {}
  return property.enum.map(text)
    .filter((value): value is string => value !== undefined)
    .map(value => [value, text(descriptions[value]) ?? value])
}

// Enums that hold one instance's records: its import supplier codes, and
// its campaigns (the slug enum is described by each campaign's name).
function collectEnums (node: JsonObject, keys: string[],
  found: Findings): void {
  const properties = isObject(node.properties) ? node.properties : {}
  const where = keys.join('.')
  for (const field of ['import_supplier', 'import_supplier_code']) {
    for (const [code, name] of describedEnum(properties[field])) {
      found.add('importSupplierEnum', { code, name }, where)
    }
  }
  if (properties.campaign_name === undefined) return
  for (const [slug, name] of describedEnum(properties.slug)) {
    found.add('campaignEnum', { name, slug }, where)
  }
}

function walk (value: unknown, keys: string[], found: Findings): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...keys, `${index}`], found))
    return
  }
  if (!isObject(value)) return
  collectEnums(value, keys, found)
  for (const [key, child] of Object.entries(value)) {
    if (key === 'example' || key === 'examples') {
      collectExamples(key, child, [...keys, key], found)
    } else {
      walk(child, [...keys, key], found)
    }
  }
}

const contractFile = process.argv[2]
if (contractFile === undefined) {
  console.error('usage: tsx scripts/extract-seed-reference.ts <contract.yml>')
  process.exit(2)
}
// Read as YAML 1.1, as every reader of the contracts in this project does.
const contract: unknown = YAML.parse(readFileSync(contractFile, 'utf8'),
  { version: '1.1' })
const found = new Findings()
walk(contract, [], found)
console.log(JSON.stringify({ contract: contractFile, ...found.toJSON() },
  null, 2))
