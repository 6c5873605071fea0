import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from 'tap'
import { convertContract } from '../../scripts/contract/convert.js'
import { parseContractYaml } from '../../scripts/contract/yaml.js'
import { fromRoot } from '../../src/lib/paths.js'

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
