import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { test } from 'tap'
import { fromRoot } from '../../src/lib/paths.js'
import { exampleAccount } from '../helpers/contract.js'

const run = promisify(execFile)
const CLI = fromRoot('src', 'cli', 'validate-files.ts')

async function validate (...args: string[]) {
  try {
    const { stdout } = await run(process.execPath,
      ['--import', 'tsx', CLI, ...args], { cwd: fromRoot() })
    return { code: 0, stdout }
  } catch (err) {
    const failure = err as { code: number, stdout: string }
    return { code: failure.code, stdout: failure.stdout }
  }
}

test('payload files are checked offline with the mock\'s rules', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'validate-files-'))
  const good = join(dir, 'good.json')
  writeFileSync(good, JSON.stringify(exampleAccount()))
  const broken = exampleAccount()
  broken.customers[0].landline = 'abcde'
  const bad = join(dir, 'bad.json')
  writeFileSync(bad, JSON.stringify([{ payload: broken }]))

  const ok = await validate(good)
  t.equal(ok.code, 0)
  t.equal(ok.stdout,
    `${good}: ok as account (undocumented fields dropped: ledgers)\n`)

  const refused = await validate('--quiet', good, bad)
  t.equal(refused.code, 1)
  const [first, ...json] = refused.stdout.trimEnd().split('\n')
  t.equal(first, `${bad}[0]: refused as v2-account`)
  t.same(JSON.parse(json.join('\n')), {
    detail: 'Could not validate account data.',
    code: 'account_failed_validation',
    errors: [{
      detail: '"abcde" is not a recognised phone number.',
      code: 'invalid_phone_number',
      attr: 'customers.0.landline'
    }]
  })

  const broke = join(dir, 'broke.json')
  writeFileSync(broke, '{"a": ')
  const unreadable = await validate(broke)
  t.equal(unreadable.code, 2)
  t.match(unreadable.stdout, `${broke}: cannot read: `)
})
