// npm run validators:coverage [-- --strict] [-- --gaps]
//
// For every error code in the contract's x-validators catalogue: whether
// the mock checks it (a rule in src/rules, or the domain code in
// src/domain), which tests assert it, or why the mock cannot check it.
// --gaps prints only the codes that are missing or untested; --strict
// exits non-zero when there are any.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fromRoot } from '../src/lib/paths.js'
import { accountNotChecked } from '../src/rules/account/not-checked.js'
import { allRules } from '../src/rules/index.js'
import { supplyNotChecked } from '../src/rules/supply/not-checked.js'

interface CatalogueEntry {
  schema: string
  field: string | null
  codes: string[]
}

type Status = 'tested' | 'untested' | 'not checked' | 'missing'

interface Row {
  code: string
  status: Status
  where: string[]
  tests: string[]
  reason?: string
}

function filesUnder (dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path, suffix)
    return path.endsWith(suffix) ? [path] : []
  })
}

// A code as a whole word: `invalid_postcode` is not found inside
// `invalid_postcode_format`.
function mentions (text: string, code: string): boolean {
  return new RegExp(`(?<![a-z0-9_])${code}(?![a-z0-9_])`).test(text)
}

// Long codes are split over lines as 'first_part_' + 'rest'; joining the
// pieces lets the search find them whole.
function readAll (files: string[]): Map<string, string> {
  return new Map(files.map(file => [relative(fromRoot(), file),
    readFileSync(file, 'utf8').replace(/'\s*\+\s*'/g, '')]))
}

const catalogue: CatalogueEntry[] = JSON.parse(readFileSync(
  fromRoot('schemas', 'gb', 'validators.json'), 'utf8'))

const attachedTo = new Map<string, Set<string>>()
for (const entry of catalogue) {
  const place = entry.field === null
    ? entry.schema
    : `${entry.schema}.${entry.field}`
  for (const code of entry.codes) {
    attachedTo.set(code, (attachedTo.get(code) ?? new Set()).add(place))
  }
}

const ruleCodes = new Map<string, Set<string>>()
for (const rule of allRules) {
  for (const code of rule.codes) {
    const place = rule.field === null
      ? rule.component
      : `${rule.component}.${rule.field}`
    ruleCodes.set(code, (ruleCodes.get(code) ?? new Set()).add(place))
  }
}

const domainFiles = readAll(filesUnder(fromRoot('src', 'domain'), '.ts'))
const testFiles = readAll(filesUnder(fromRoot('test'), '.test.ts'))
const notChecked: Record<string, string> =
  { ...supplyNotChecked, ...accountNotChecked }

function rowFor (code: string): Row {
  const where = [...(ruleCodes.get(code) ?? [])].map(place => `rule ${place}`)
  for (const [file, text] of domainFiles) {
    if (text.includes(`'${code}'`)) where.push(file)
  }
  const tests = [...testFiles].filter(([, text]) => mentions(text, code))
    .map(([file]) => file)
  if (where.length > 0) {
    return { code, status: tests.length > 0 ? 'tested' : 'untested', where, tests }
  }
  const reason = notChecked[code]
  if (reason !== undefined) {
    return { code, status: 'not checked', where, tests, reason }
  }
  return { code, status: 'missing', where, tests }
}

const rows = [...attachedTo.keys()].sort().map(rowFor)
const gapsOnly = process.argv.includes('--gaps')
const strict = process.argv.includes('--strict')

const LABEL: Record<Status, string> = {
  tested: 'implemented, tested',
  untested: 'implemented, NO TEST',
  'not checked': 'not checked',
  missing: 'MISSING'
}

for (const row of rows) {
  if (gapsOnly && (row.status === 'tested' || row.status === 'not checked')) {
    continue
  }
  console.log(`${row.code}: ${LABEL[row.status]}`)
  console.log(`  contract: ${[...(attachedTo.get(row.code) ?? [])].join(', ')}`)
  if (row.where.length > 0) console.log(`  checked by: ${row.where.join(', ')}`)
  if (row.tests.length > 0) console.log(`  tests: ${row.tests.join(', ')}`)
  if (row.reason !== undefined) console.log(`  reason: ${row.reason}`)
}

const count = (status: Status): number =>
  rows.filter(row => row.status === status).length
const stray = Object.keys(notChecked).filter(code => !attachedTo.has(code))

console.log('')
console.log(`${rows.length} codes in ${catalogue.length} rules of the contract`)
console.log(`  implemented and tested:   ${count('tested')}`)
console.log(`  implemented, no test:     ${count('untested')}`)
console.log(`  not checked, with reason: ${count('not checked')}`)
console.log(`  missing:                  ${count('missing')}`)
if (stray.length > 0) {
  console.log('  not-checked entries the contract does not list: ' +
    stray.join(', '))
}

if (strict && (count('untested') > 0 || count('missing') > 0)) {
  process.exitCode = 1
}
