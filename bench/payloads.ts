import { readFileSync } from 'node:fs'
import { fromRoot } from '../src/lib/paths.js'

// The request bodies the bench sends, built from the contract's own
// full EnergyAccount example so that every run measures the same payload.

export const SUPPLIER = 'TENTACLE_ENERGY'
export const API_KEY = 'test-api-key'

export const PATHS = {
  validateV2: '/v2/data-import/accounts/validate/',
  stage: '/v1/data-import/account-import-process/create-or-update/',
  process: '/v1/data-import/account-import-process/process/',
  status: (ext: string): string =>
    `/v1/data-import/account-transfer-status/${SUPPLIER}/${ext}/`,
  list: `/v1/data-import/all-account-import-processes/${SUPPLIER}/`,
  graphql: '/v1/graphql/',
  ready: '/_mock/ready',
  reset: '/_mock/reset',
  clock: '/_mock/clock/set'
}

// The mock's clock is pinned to a day on which the contract's example is
// valid (its dunning path starts the next day): rules such as "not in the
// past" then judge it the same way on every run, whatever the date.
export const EXAMPLE_DAY = '2020-03-25T12:00:00Z'

interface Operation {
  path: string
  request: { examples: Record<string, unknown> } | null
}

function exampleAccount (): Record<string, unknown> {
  const operations = JSON.parse(readFileSync(
    fromRoot('schemas', 'gb', 'operations.json'), 'utf8')) as Operation[]
  const op = operations.find(o => o.path === PATHS.validateV2)
  const example = op?.request?.examples.ExamplePayload
  if (example === undefined) throw new Error('no ExamplePayload in contract')
  return { ...(example as object), import_supplier: SUPPLIER }
}

export const account = exampleAccount()

// POST /v2/data-import/accounts/validate/ with the example: valid.
export const validBody = JSON.stringify({ payload: account })

// The same with one error deep inside (the first register of the first
// meter of the first meter point): the mock builds Kraken's envelope for it.
export const NESTED_ERROR_ATTR =
  'supply_addresses.0.meter_points.0.meters.0.registers.0.number_of_digits'

function withNestedError (): string {
  const copy = structuredClone(account) as Record<string, any>
  const register = copy.supply_addresses?.[0]?.meter_points?.[0]
    ?.meters?.[0]?.registers?.[0]
  if (register === undefined) throw new Error('example has no register')
  register.number_of_digits = 'five'
  return JSON.stringify({ payload: copy })
}
export const invalidBody = withNestedError()

// Staging bodies differ in the external account number and in the value
// of the account's reference, which Kraken allows on one account only: a
// journey that reused it would measure refusals from the second account
// on. Splitting the JSON around a marker keeps body building cheap for the
// load generator.
const MARK = '\u0000EXT\u0000'

function stagingParts (template: Record<string, unknown>): string[] {
  const copy = structuredClone(template) as Record<string, any>
  copy.external_account_number = MARK
  for (const reference of copy.references ?? []) reference.value = MARK
  return JSON.stringify(copy).split(JSON.stringify(MARK))
}

const exampleParts = stagingParts(account)

// The example as a pipeline sends it once it heeds the mock's
// x-mock-undocumented-fields header: without `ledgers`, which the
// contract's schema does not document, so staging keeps it whole.
const { ledgers: _ledgers, ...documented } = account
const documentedParts = stagingParts(documented)

export function stageBody (ext: string, documentedOnly = false): string {
  return (documentedOnly ? documentedParts : exampleParts)
    .join(JSON.stringify(ext))
}

export function processBody (ext: string): string {
  return JSON.stringify({
    import_supplier_code: SUPPLIER, external_account_number: ext
  })
}

export const tokenBody = JSON.stringify({
  query: 'mutation ($key: String!) { obtainKrakenToken(input: ' +
    '{ APIKey: $key }) { token refreshToken } }',
  variables: { key: API_KEY }
})

export const exampleBytes = Buffer.byteLength(validBody)
