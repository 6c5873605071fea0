import {
  cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { test } from 'tap'
import { compileDirectory } from '../../scripts/contract/compile-validators.js'
import { convertContract } from '../../scripts/contract/convert.js'
import { parseContractYaml } from '../../scripts/contract/yaml.js'
import { fromRoot } from '../../src/lib/paths.js'
import {
  COMPILED_FILE, createSchemaValidator
} from '../../src/validation/schema-validator.js'
import { exampleAccount } from '../helpers/contract.js'

// The schemas are committed so the mock runs without the contract. When a
// copy of the contract sits beside the repository (as in CI), they are
// generated again here and must match what is committed, file for file.
const CONTRACT = process.env.MOCK_GB_CONTRACT ??
  fromRoot('..', 'shared', 'reference', 'kraken-gb-data-import.openapi.yml')
const OUT = fromRoot('schemas', 'gb')

function listFiles (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name))
      : [join(dir, entry.name)])
}

test('committed GB schemas match a fresh generation from the contract',
  { skip: existsSync(CONTRACT) ? false : `no contract at ${CONTRACT}` },
  async t => {
    const files = convertContract(
      parseContractYaml(readFileSync(CONTRACT, 'utf8')))
    const committed = listFiles(OUT).map(f => relative(OUT, f)).sort()
    t.same(committed, [...files.keys()].sort())
    for (const [name, content] of files) {
      t.equal(readFileSync(join(OUT, name), 'utf8'), content, name)
    }
  })

test('the manifest counts what the contract holds', async t => {
  const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'))
  t.equal(manifest.components, 139)
  t.equal(manifest.operations, 16)
  t.equal(manifest.validatorRules, 352)
  t.equal(manifest.errorCodes, 275)
})

test('instance-specific enums become seed lookups', async t => {
  const account = JSON.parse(readFileSync(
    join(OUT, 'components', 'EnergyAccount.json'), 'utf8'))
  t.same(account.properties.import_supplier,
    { type: 'string', 'x-reference': 'importSupplier' })
  const campaign = JSON.parse(readFileSync(
    join(OUT, 'components', 'AccountCampaign.json'), 'utf8'))
  t.equal(campaign.properties.campaign_name['x-reference'], 'campaignName')
  t.equal(campaign.properties.slug['x-reference'], 'campaignSlug')
})

// The compiled validators load in place of compiling the schemas at start,
// so they must be exactly what the committed components compile to. This
// holds with or without the contract: `npx tsx
// scripts/contract/compile-validators.ts` recompiles them.
test('committed validators.cjs matches a fresh compilation of the schemas',
  async t => {
    t.equal(readFileSync(join(OUT, COMPILED_FILE), 'utf8'),
      compileDirectory(OUT),
      `${COMPILED_FILE} is stale: run npm run schemas`)
  })

test('compiled and in-memory validators give the same outcomes', async t => {
  const account = exampleAccount()
  const broken = structuredClone(account)
  broken.customers[0].date_of_birth = '1990-02-30'
  broken.billing_postcode = 12
  broken.supply_addresses[0].meter_points[0].meters[0].registers[0]
    .number_of_digits = 'five'
  const inMemoryDir = mkdtempSync(join(tmpdir(), 'schemas-'))
  t.teardown(() => rmSync(inMemoryDir, { recursive: true, force: true }))
  cpSync(join(OUT, 'components'), join(inMemoryDir, 'components'),
    { recursive: true })
  const options = {
    timezone: 'Europe/London', references: () => true
  }
  const compiled = createSchemaValidator({ ...options, dir: OUT })
  const inMemory = createSchemaValidator({ ...options, dir: inMemoryDir })
  for (const data of [account, broken, {}, { payload: null }]) {
    for (const component of ['EnergyAccount', 'ValidateAccount']) {
      t.same(compiled.validate(component, structuredClone(data)),
        inMemory.validate(component, structuredClone(data)), component)
    }
  }
})
