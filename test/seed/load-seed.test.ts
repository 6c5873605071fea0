import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'tap'
import { fromRoot } from '../../src/lib/paths.js'
import { loadSeed, parseSeed, SeedError } from '../../src/seed/load-seed.js'
import type { Seed } from '../../src/seed/types.js'

const defaultFile = fromRoot('seed', 'default.json')

// Each test edits its own copy of the default seed.
function defaultSeed (): Seed {
  return JSON.parse(readFileSync(defaultFile, 'utf8')) as Seed
}

interface Teardown {
  teardown: (cleanUp: () => void) => void
}

function tempFile (t: Teardown, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kraken-mock-seed-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'custom.json')
  writeFileSync(file, text)
  return file
}

function seedErrorFrom (load: () => unknown): SeedError {
  try {
    load()
  } catch (err) {
    if (err instanceof SeedError) return err
    throw err
  }
  throw new Error('the seed was accepted')
}

test('the default seed has the well-known keys and Tentacle suppliers', t => {
  const seed = loadSeed(defaultFile)
  t.same(seed.organisation, {
    name: 'Tentacle Energy',
    apiKey: 'test-api-key',
    secretKey: 'sk_test_organisation'
  })
  const tentacle = seed.importSuppliers
    .filter(supplier => supplier.code.startsWith('TENTACLE_'))
    .map(supplier =>
      [supplier.code, supplier.status, supplier.autoAllocatedOperationsTeam])
  t.same(tentacle, [
    ['TENTACLE_ENERGY', 'Ongoing', 'Migration Operations'],
    ['TENTACLE_PAUSED', 'Paused', 'Migration Operations'],
    ['TENTACLE_COMPLETE', 'Complete', 'Migration Operations'],
    ['TENTACLE_MANUAL', 'Ongoing', null]
  ])
  t.same(seed.importSuppliers[0], {
    code: 'TENTACLE_ENERGY',
    name: 'Tentacle Energy',
    status: 'Ongoing',
    documentRoot: 'sftp/migratedfiles',
    bucket: 'tentacle-migration-files',
    autoAllocatedOperationsTeam: 'Migration Operations',
    checkDocumentPathsExist: false
  })
  t.end()
})

test('the default seed holds every import supplier the contract lists', t => {
  const seed = loadSeed(defaultFile)
  const others = seed.importSuppliers
    .filter(supplier => !supplier.code.startsWith('TENTACLE_'))
  t.same(others.map(supplier => supplier.code), [
    'EDF_SHELL_ACCOUNT', 'EDF _DEENERGISED', 'EDF_SME_PAYG', 'EDF_PAYG',
    'EDF_TERMED', 'EDF_FIT', 'EDF_AUTO_TOPUP', 'EDF_DEENERGISED',
    'EDF_NEW_CONNECTIONS', 'EDFSME', 'EDFSME_MULTISITE', 'EDF_SMEPAYG',
    'OPUS', 'EDF', 'UTILITA'
  ])
  t.same(new Set(others.map(supplier => supplier.status)), new Set(['Ongoing']))
  t.end()
})

test('the default seed holds the reference data the examples use', t => {
  const seed = loadSeed(defaultFile)
  t.same(seed.products.map(product => [product.code, product.tariffCodes]), [
    ['ELEC-1234', ['ELEC-1234-J']],
    ['GAS-1234', ['GAS-1234-J']],
    ['SOME-PRODUCT-CODE-4321', []]
  ])
  t.same(seed.campaigns.find(campaign => campaign.slug === 'super_account'),
    { name: 'Super Account', slug: 'super_account' })
  t.equal(seed.campaigns.length, 428)
  t.same(seed.referenceNamespaces,
    ['tentacle-energy.allpay-client-reference-number'])
  t.same(seed.dunningPaths, ['standard_domestic'])
  t.same(seed.debtCollectionAgencies, ['Debt R Us'])
  t.same(seed.marketParticipants.map(participant => participant.mpid),
    ['TENT', 'TEN', 'TCL'])
  t.same(seed.timePatternRegimes, ['00001', '00043'])
  t.end()
})

test('malformed JSON is refused with the line and column of the fault', t => {
  const file = tempFile(t, '{\n  "organisation": }\n')
  const error = seedErrorFrom(() => loadSeed(file))
  t.equal(error.message, `${file}: malformed JSON at line 2, column 19: ` +
    'expected a value, found \'}\'')
  t.end()
})

test('a value of the wrong type is reported at its nested path', t => {
  const seed = defaultSeed()
  Object.assign(seed.importSuppliers[2] ?? {},
    { checkDocumentPathsExist: 'yes' })
  const file = tempFile(t, JSON.stringify(seed))
  const error = seedErrorFrom(() => loadSeed(file))
  t.equal(error.message, `${file}: importSuppliers[2]` +
    '.checkDocumentPathsExist: must be true or false, found "yes"')
  t.end()
})

test('an auto-allocated team that is not seeded is refused', t => {
  const seed = defaultSeed()
  Object.assign(seed.importSuppliers[2] ?? {},
    { autoAllocatedOperationsTeam: 'Nope' })
  const error = seedErrorFrom(() =>
    parseSeed(JSON.stringify(seed), 'seed/custom.json'))
  t.equal(error.message, 'seed/custom.json: importSuppliers[2]' +
    '.autoAllocatedOperationsTeam: names unknown operations team "Nope"')
  t.end()
})

test('a supplier code used twice is reported at the second use', t => {
  const seed = defaultSeed()
  Object.assign(seed.importSuppliers[3] ?? {}, { code: 'TENTACLE_ENERGY' })
  const error = seedErrorFrom(() =>
    parseSeed(JSON.stringify(seed), 'seed/custom.json'))
  t.equal(error.message, 'seed/custom.json: importSuppliers[3].code: ' +
    '"TENTACLE_ENERGY" is already used at importSuppliers[0].code')
  t.end()
})

test('every problem in a seed is listed, not only the first', t => {
  const seed = defaultSeed()
  Object.assign(seed.organisation, { secretKey: 'test-api-key' })
  Object.assign(seed.operationsTeams[1] ?? {}, { name: 'Collections' })
  const error = seedErrorFrom(() =>
    parseSeed(JSON.stringify(seed), 'seed/custom.json'))
  t.equal(error.file, 'seed/custom.json')
  t.same(error.problems, [
    'organisation.secretKey: must differ from organisation.apiKey, ' +
      'or one key would act as both',
    'operationsTeams[2].name: "Collections" is already used at ' +
      'operationsTeams[1].name'
  ])
  t.end()
})

test('missing fields and unknown fields are both reported', t => {
  const error = seedErrorFrom(() => parseSeed(JSON.stringify({
    ...defaultSeed(),
    organisation: { name: 'Tentacle Energy', apiKey: 'test-api-key' },
    colour: 'teal'
  }), 'seed/custom.json'))
  t.same(error.problems, [
    'colour: is not a seed field',
    'organisation.secretKey: is required'
  ])
  t.end()
})

test('a seed file that does not exist is named in the error', t => {
  const file = join(tmpdir(), 'kraken-mock-no-such-seed.json')
  const error = seedErrorFrom(() => loadSeed(file))
  t.equal(error.message, `${file}: seed file not found`)
  t.end()
})

test('a byte order mark at the start of a seed file is ignored', t => {
  const file = tempFile(t, '\uFEFF' + readFileSync(defaultFile, 'utf8'))
  t.equal(loadSeed(file).organisation.apiKey, 'test-api-key')
  t.end()
})
