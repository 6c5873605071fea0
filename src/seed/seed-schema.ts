import { Ajv, type ValidateFunction } from 'ajv'
import {
  AGENT_ROLES, FUELS, MARKET_PARTICIPANT_ROLES, SUPPLIER_STATUSES, type Seed
} from './types.js'

// What makes a seed valid: a JSON Schema for shapes and formats, then the
// rules that compare one part of the seed with another, which a schema
// cannot express and whose messages must name both ends.

// Patterns paired with the sentence a user reads when a value misses one.
export const PATTERN_HINTS: Record<string, string> = {
  '^\\S+$': 'must not contain spaces',
  '^[^@\\s]+@[^@\\s]+$': 'must be an email address',
  '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$':
    'must be an S3 bucket name (3 to 63 lowercase letters, digits, dots ' +
    'or hyphens)',
  '^[A-Z0-9]{3,4}$': 'must be 3 or 4 capital letters or digits',
  '^[0-9]{5}$': 'must be five digits',
  '^[0-9]{2}$': 'must be two digits',
  '^[0-9]+(\\.[0-9]{1,2})?$': 'must be an amount in pounds, like 5.00'
}

export const DATE_TIME_HINT =
  'must be a date-time with an offset, like 2015-01-01T00:00:00Z'

const DATE_TIME = new RegExp('^(\\d{4})-(\\d{2})-(\\d{2})' +
  'T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$')

// Date.parse rolls 30 February over into March, so the calendar date is
// checked on its own.
function isDateTime (value: string): boolean {
  const match = DATE_TIME.exec(value)
  if (match === null) return false
  const [year, month, day] = [match[1], match[2], match[3]].map(Number)
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0))
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day
}

const text = { type: 'string', minLength: 1 }
const patterned = (pattern: string) => ({ type: 'string', pattern })
const noSpaces = patterned('^\\S+$')
const listOf = (items: object) => ({ type: 'array', items })
const fuel = { type: 'string', enum: FUELS }

const flag = { type: 'boolean' }
const day = { type: 'integer', minimum: 1, maximum: 31 }

// Every field is required, so a seed spells out all it means, except the
// optional ones a later version added, which take a documented default.
function record (properties: Record<string, object>,
  optional: Record<string, object> = {}): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties: { ...properties, ...optional }
  }
}

export const seedSchema = record({
  organisation: record({
    name: text,
    apiKey: { ...noSpaces, minLength: 8 },
    secretKey: { ...noSpaces, minLength: 8 }
  }),
  users: listOf(record({
    email: patterned('^[^@\\s]+@[^@\\s]+$'),
    password: { type: 'string', minLength: 8 }
  })),
  operationsTeams: listOf(record({ name: text })),
  importSuppliers: {
    ...listOf(record({
      code: text,
      name: text,
      status: { type: 'string', enum: SUPPLIER_STATUSES },
      documentRoot: { type: 'string' },
      bucket: patterned('^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$'),
      autoAllocatedOperationsTeam: { type: ['string', 'null'], minLength: 1 },
      checkDocumentPathsExist: { type: 'boolean' }
    }, {
      sendRegistrationFlows: flag,
      enforceBusinessContractsExist: flag,
      linkAccountToBusinessWithContract: flag,
      createNewPortfolios: flag,
      skipPropertyCreation: flag,
      skipSupplyPointCreation: flag
    })),
    minItems: 1
  },
  products: listOf(record({
    code: noSpaces,
    fuel,
    tariffCodes: listOf(noSpaces),
    availableFrom: { type: 'string', format: 'date-time' },
    availableTo: { type: ['string', 'null'], format: 'date-time' },
    isPrepay: { type: 'boolean' },
    isVariable: { type: 'boolean' },
    rateBands: listOf(noSpaces)
  })),
  campaigns: listOf(record({ name: text, slug: noSpaces })),
  referenceNamespaces: listOf(noSpaces),
  dunningPaths: listOf(text),
  debtCollectionAgencies: listOf(text),
  marketParticipants: listOf(record({
    mpid: patterned('^[A-Z0-9]{3,4}$'),
    fuel,
    role: { type: 'string', enum: MARKET_PARTICIPANT_ROLES }
  })),
  psrIndustryCodes: listOf(record({
    fuel,
    code: patterned('^[0-9]{2}$'),
    description: text,
    temporary: flag
  })),
  timePatternRegimes: listOf(patterned('^[0-9]{5}$')),
  ledgerCodes: listOf(noSpaces),
  contributionSchemes: listOf(noSpaces),
  agentContracts: listOf(record({
    role: { type: 'string', enum: AGENT_ROLES },
    mpid: patterned('^[A-Z0-9]{3,4}$'),
    contractReference: text,
    serviceReference: text,
    serviceLevelReference: text
  })),
  paymentPlanStrategies: listOf(noSpaces),
  standalonePaymentRequestMethods: listOf(noSpaces),
  affiliateOrganisations: listOf(text),
  partnerOrganisations: listOf(text),
  internalEmailAddresses: listOf(patterned('^[^@\\s]+@[^@\\s]+$')),
  complaints: record({
    types: listOf(record({ type: noSpaces, subtypes: listOf(noSpaces) })),
    officialOrganisations: listOf(record({
      name: noSpaces, statuses: listOf(noSpaces)
    })),
    sources: listOf(noSpaces)
  }),
  settings: record({
    consentsEnabled: flag,
    managedAccountsAllowed: flag,
    caisReferencesSupported: flag,
    billingDocumentIdentifiersEnabled: flag,
    paymentDayMin: day,
    paymentDayMax: day,
    minimumFixedPaymentAmount: patterned('^[0-9]+(\\.[0-9]{1,2})?$'),
    maxActiveDeposits: { type: 'integer', minimum: 0 },
    exclusiveRoles: listOf(noSpaces),
    requiredCustomerDetailNamespaces: listOf(noSpaces)
  })
})

export function compileSeedSchema (): ValidateFunction<Seed> {
  // verbose keeps the offending value on each error, so messages can say
  // what was found as well as what was expected.
  const ajv = new Ajv({
    allErrors: true, verbose: true, strict: true, allowUnionTypes: true
  })
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime })
  return ajv.compile<Seed>(seedSchema)
}

// Reports each repeat of a key at its own path, naming the first use.
function findRepeats<T> (items: T[], keyOf: (item: T) => string,
  pathOf: (index: number) => string,
  label = (item: T) => JSON.stringify(keyOf(item))): string[] {
  const first = new Map<string, number>()
  const problems: string[] = []
  items.forEach((item, index) => {
    const key = keyOf(item)
    const earlier = first.get(key)
    if (earlier === undefined) {
      first.set(key, index)
    } else {
      problems.push(`${pathOf(index)}: ${label(item)} is already used at ` +
        pathOf(earlier))
    }
  })
  return problems
}

function findRepeatedNames (names: string[], path: string): string[] {
  return findRepeats(names, name => name, index => `${path}[${index}]`)
}

function checkSuppliers (seed: Seed): string[] {
  const teams = new Set(seed.operationsTeams.map(team => team.name))
  const problems = findRepeats(seed.importSuppliers, supplier => supplier.code,
    index => `importSuppliers[${index}].code`)
  seed.importSuppliers.forEach((supplier, index) => {
    const path = `importSuppliers[${index}]`
    const team = supplier.autoAllocatedOperationsTeam
    if (team !== null && !teams.has(team)) {
      problems.push(`${path}.autoAllocatedOperationsTeam: names unknown ` +
        `operations team ${JSON.stringify(team)}`)
    }
    // Document paths are resolved under the root, so a root that climbs
    // would let payloads reach outside the supplier's folder.
    if (supplier.documentRoot.split('/').some(part => /^\.\.?$/.test(part))) {
      problems.push(`${path}.documentRoot: must not contain "." or ".." ` +
        'segments')
    }
  })
  return problems
}

function checkProducts (seed: Seed): string[] {
  const problems = findRepeats(seed.products, product => product.code,
    index => `products[${index}].code`)
  const tariffs = seed.products.flatMap((product, index) =>
    product.tariffCodes.map((code, position) =>
      ({ code, path: `products[${index}].tariffCodes[${position}]` })))
  problems.push(...findRepeats(tariffs, tariff => tariff.code,
    index => tariffs[index]?.path ?? ''))
  seed.products.forEach((product, index) => {
    const path = `products[${index}]`
    problems.push(...findRepeatedNames(product.rateBands, `${path}.rateBands`))
    if (product.availableTo !== null &&
      Date.parse(product.availableTo) <= Date.parse(product.availableFrom)) {
      problems.push(`${path}.availableTo: must be later than availableFrom`)
    }
  })
  return problems
}

export function checkSeedReferences (seed: Seed): string[] {
  const { organisation } = seed
  const problems: string[] = []
  if (organisation.apiKey === organisation.secretKey) {
    problems.push('organisation.secretKey: must differ from ' +
      'organisation.apiKey, or one key would act as both')
  }
  problems.push(
    ...findRepeats(seed.users, user => user.email.toLowerCase(),
      index => `users[${index}].email`, user => JSON.stringify(user.email)),
    ...findRepeats(seed.operationsTeams, team => team.name,
      index => `operationsTeams[${index}].name`),
    ...checkSuppliers(seed),
    ...checkProducts(seed),
    ...findRepeats(seed.campaigns, campaign => campaign.name,
      index => `campaigns[${index}].name`),
    ...findRepeats(seed.campaigns, campaign => campaign.slug,
      index => `campaigns[${index}].slug`),
    ...findRepeatedNames(seed.referenceNamespaces, 'referenceNamespaces'),
    ...findRepeatedNames(seed.dunningPaths, 'dunningPaths'),
    ...findRepeatedNames(seed.debtCollectionAgencies, 'debtCollectionAgencies'),
    ...findRepeats(seed.marketParticipants,
      ({ mpid, fuel, role }) => `${mpid} ${fuel} ${role}`,
      index => `marketParticipants[${index}]`,
      ({ mpid, fuel, role }) => `${mpid} (${fuel} ${role})`),
    ...findRepeats(seed.psrIndustryCodes, ({ fuel, code }) => `${fuel} ${code}`,
      index => `psrIndustryCodes[${index}]`,
      ({ fuel, code }) => `${fuel} code ${code}`),
    ...findRepeatedNames(seed.timePatternRegimes, 'timePatternRegimes'),
    ...findRepeatedNames(seed.ledgerCodes, 'ledgerCodes'),
    ...findRepeatedNames(seed.paymentPlanStrategies, 'paymentPlanStrategies'),
    ...findRepeatedNames(seed.affiliateOrganisations,
      'affiliateOrganisations'),
    ...findRepeatedNames(seed.partnerOrganisations, 'partnerOrganisations'),
    ...findRepeats(seed.complaints.types, entry => entry.type,
      index => `complaints.types[${index}].type`),
    ...findRepeats(seed.complaints.officialOrganisations, entry => entry.name,
      index => `complaints.officialOrganisations[${index}].name`)
  )
  const { paymentDayMin, paymentDayMax } = seed.settings
  if (paymentDayMin > paymentDayMax) {
    problems.push('settings.paymentDayMax: must not be before ' +
      'settings.paymentDayMin')
  }
  return problems
}
