import type { FastifyInstance } from 'fastify'
import { type Test, test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'
import { pointerKeys } from '../../src/validation/translate.js'

// Processing checks the staged account again. Only the business rules that
// can answer differently run again: those that read the clock, the store
// or the whole account, and those that saw a field staging dropped. These
// tests pin what that must still catch, and what it must not skip.

const STAGE = '/v1/data-import/account-import-process/create-or-update/'
const PROCESS = '/v1/data-import/account-import-process/process/'
const headers = { authorization: 'Token test-api-key' }

// The contract's example without `ledgers`, which its schema does not
// document: staging drops nothing from it.
function documentedAccount (ext: string): Record<string, any> {
  const { ledgers: _ledgers, ...account } = exampleAccount()
  return { ...account, external_account_number: ext }
}

async function stage (app: FastifyInstance,
  account: Record<string, unknown>): Promise<void> {
  const res = await app.inject({
    method: 'POST', url: STAGE, headers, payload: account
  })
  if (res.statusCode !== 201) throw new Error(res.body)
  if (res.headers['x-mock-undocumented-fields'] !== undefined) {
    throw new Error('staging dropped fields')
  }
}

async function processAccount (app: FastifyInstance, ext: string) {
  const res = await app.inject({
    method: 'POST',
    url: PROCESS,
    headers,
    payload: { import_supplier_code: 'TENTACLE_ENERGY', external_account_number: ext }
  })
  return { status: res.statusCode, body: res.json() }
}

// A refused answer in brief: status, Kraken's code and each error as
// attr:code, in order.
function refusal (res: { status: number, body: any }) {
  const errors: Array<{ code: string, attr: string }> = res.body.errors ?? []
  return {
    status: res.status,
    code: res.body.code,
    errors: errors.map(e => `${e.attr}:${e.code}`)
  }
}

const refusedAs = (...errors: string[]) =>
  ({ status: 400, code: 'account_failed_validation', errors })

// Changes to what the contextual rules read (the clock, and references
// claimed by another account), each followed in the tests by answers
// compared whole: codes, attrs, details and their order. Nothing in the
// example is refused for lying in the past, so all but the far future
// find something.
function contextChanges (app: FastifyInstance, t: Test):
Array<[string, () => Promise<void>]> {
  return [
    ['before the last payment review', async () => {
      app.clock.set(new Date('2019-05-01T12:00:00Z'))
    }],
    ['decades before anything in it', async () => {
      app.clock.set(new Date('1990-01-01T00:00:00Z'))
    }],
    ['long after everything in it', async () => {
      app.clock.set(new Date('2100-06-01T12:00:00Z'))
    }],
    ['after another account claimed its references', async () => {
      app.clock.reset()
      await stage(app, documentedAccount('EXT-CLAIMS'))
      t.equal((await processAccount(app, 'EXT-CLAIMS')).status, 201)
    }]
  ]
}

test('a date rule judges the staged account on the clock at processing', async t => {
  const app = await buildTestApp(t)
  await stage(app, documentedAccount('EXT-CLOCK'))
  // The example's last payment review was on 2019-06-01: before then it
  // lies in the future.
  app.clock.set(new Date('2019-05-01T12:00:00Z'))
  t.same(refusal(await processAccount(app, 'EXT-CLOCK')), refusedAs(
    'last_payment_review_date:last_payment_review_date_is_future_dated'))
})

test('a reference claimed after staging is refused at processing', async t => {
  const app = await buildTestApp(t)
  await stage(app, documentedAccount('EXT-FIRST'))
  await stage(app, documentedAccount('EXT-SECOND'))
  t.equal((await processAccount(app, 'EXT-FIRST')).status, 201)
  t.same(refusal(await processAccount(app, 'EXT-SECOND')), refusedAs(
    'references.0.non_field_errors:reference_already_exists'))
})

test('a staged payload changed behind staging\'s back is checked in full', async t => {
  const app = await buildTestApp(t)
  const account = documentedAccount('EXT-CHANGED')
  await stage(app, account)
  // A domestic account with a company number breaks a rule that reads
  // neither the clock nor the store, so only a full check sees it.
  app.store.stageImportProcess('TENTACLE_ENERGY', 'EXT-CHANGED',
    JSON.stringify({ ...account, company_number: '01234567' }),
    new Date().toISOString())
  t.same(refusal(await processAccount(app, 'EXT-CHANGED')), refusedAs(
    'non_field_errors:business_fields_provided_for_domestic_accounts'))
})

test('a staged account that still holds processes once', async t => {
  const app = await buildTestApp(t)
  await stage(app, documentedAccount('EXT-OK'))
  const res = await processAccount(app, 'EXT-OK')
  t.equal(res.status, 201)
  t.equal(res.body.external_account_number, 'EXT-OK')
  t.match(res.body.account_number, /^A-[0-9A-F]{8}$/)
})

// Watches which kind of check processing asks for, and which components
// field validation runs on.
function spyOnChecks (app: FastifyInstance): string[] {
  const calls: string[] = []
  const { check, recheck } = app.payloads
  const { validate } = app.schemas
  app.payloads.check = (component, data) => {
    calls.push(`check ${component}`)
    return check(component, data)
  }
  app.payloads.recheck = (checked) => {
    calls.push(`recheck (${checked.replay.calls.length} rule calls, ` +
      `dropped: ${checked.dropped.map(keys => keys.join('/')).join(', ')})`)
    return recheck(checked)
  }
  app.schemas.validate = (component, data) => {
    calls.push(`schema ${component}`)
    return validate(component, data)
  }
  return calls
}

test('processing re-runs only the contextual rules when staging dropped nothing', async t => {
  const app = await buildTestApp(t)
  await stage(app, documentedAccount('EXT-FAST'))
  // The same account checked on its own says how many rule calls read the
  // clock or the store: those, and only those, run again.
  const { replay } = app.payloads.check('EnergyAccount',
    documentedAccount('EXT-FAST'))
  t.ok(replay.calls.length > 0)
  const calls = spyOnChecks(app)
  t.equal((await processAccount(app, 'EXT-FAST')).status, 201)
  // Field validation runs on the process request only: the staged account
  // is the one staging validated, and would pass again.
  t.same(calls, ['check ProcessAccountImportProcess',
    'schema ProcessAccountImportProcess',
    `recheck (${replay.calls.length} rule calls, dropped: )`])
})

test('processing re-runs the rules that saw what staging dropped', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST', url: STAGE, headers, payload: exampleAccount()
  })
  t.equal(res.statusCode, 201)
  t.equal(res.headers['x-mock-undocumented-fields'], 'ledgers')
  const { replay } = app.payloads.check('EnergyAccount', exampleAccount())
  const calls = spyOnChecks(app)
  t.equal((await processAccount(app, 'EXTERNAL-1234')).status, 201)
  // No field validation of the account: it passed at staging and has only
  // lost a field validation ignores.
  t.same(calls, ['check ProcessAccountImportProcess',
    'schema ProcessAccountImportProcess',
    `recheck (${replay.calls.length} rule calls, dropped: ledgers)`])
})

test('an undocumented key with a dot in its name is dropped as itself', async t => {
  const app = await buildTestApp(t)
  // Read as a path, this key would delete the documented
  // dunning_path.path_name, and processing (which trusts staging's field
  // validation) would pass what a full check refuses.
  const account = {
    ...exampleAccount(),
    external_account_number: 'EXT-DOT',
    'dunning_path.path_name': 1
  }
  const res = await app.inject({
    method: 'POST', url: STAGE, headers, payload: account
  })
  t.equal(res.statusCode, 201)
  t.equal(res.headers['x-mock-undocumented-fields'],
    'ledgers, dunning_path.path_name')
  const stored = JSON.parse(app.store.findImportProcess('TENTACLE_ENERGY',
    'EXT-DOT')?.payloadJson ?? '{}')
  t.same(stored.dunning_path, exampleAccount().dunning_path)
  t.notOk('dunning_path.path_name' in stored)
  t.same(app.payloads.check('EnergyAccount', stored).errors, [])
  t.equal((await processAccount(app, 'EXT-DOT')).status, 201)
})

test('the rules run again after a drop answer as a full check of the stored account would', async t => {
  const app = await buildTestApp(t)
  // Staged as published: `ledgers` is dropped from what is stored.
  const account = { ...exampleAccount(), external_account_number: 'EXT-LEDGERS' }
  const staged = app.payloads.check('EnergyAccount', account)
  t.same(staged.errors, [])
  t.same(staged.warnings, ['ledgers'])
  const json = JSON.stringify(account)
  t.notOk('ledgers' in JSON.parse(json))

  const scenarios = contextChanges(app, t)
  let withFindings = 0
  for (const [name, change] of scenarios) {
    await change()
    const again = app.payloads.recheck(staged)
    const full = app.payloads.check('EnergyAccount', JSON.parse(json)).errors
    t.same(again, full, name)
    if (full.length > 0) withFindings++
  }
  t.equal(withFindings, scenarios.length - 1)
})

// The example with an undocumented field added: `value` at the object
// `pointer` names.
function withExtra (pointer: string, value: unknown): Record<string, any> {
  const account = exampleAccount()
  let node: any = account
  for (const key of pointerKeys(pointer)) node = node[key]
  node.zz_undocumented = value
  return account
}

// Accounts from which staging drops a field a real rule reads, each found
// at a different depth, and without `ledgers`, whose drop alone would make
// the account's own rules run again.
function readDropped (): Array<[string, Record<string, any>]> {
  // A ledger only the undocumented `ledgers` holds, named by a payment
  // preference: read by an account rule.
  const preference = exampleAccount()
  preference.ledgers[0].ledger_identifier = '1200060176720'
  preference.payment_preferences = [
    { type: 'PASSIVE', ledger_identifier: '1200060176720' }]
  // A statement's undocumented `pdf_context` standing in for its path:
  // read by the statement's own rule.
  const pdf = exampleAccount()
  delete pdf.ledgers
  delete pdf.statements[0].statement_path
  pdf.statements[0].pdf_context = { a: 1 }
  // The only last billed date, undocumented on an electricity meter
  // without settlement registers, four levels down: read by an account
  // rule.
  const billed = exampleAccount()
  delete billed.ledgers
  delete billed.last_billed_to_date
  billed.last_statement_closing_date = '2019-08-01'
  billed.last_statement_balance = billed.transfer_balance
  const [elec, gas] = billed.supply_addresses[0].meter_points
  delete elec.last_billed_to_date
  for (const register of elec.meters[0].registers) {
    register.is_settlement = false
    delete register.last_billed_to_date
  }
  gas.meters[0].last_billed_to_date = '2019-08-01'
  elec.meters[0].last_billed_to_date = '2019-08-01'
  return [
    ['a preference naming a dropped ledger', preference],
    ['a statement with a pdf_context', pdf],
    ['a meter with an undocumented last billed date', billed]
  ]
}

test('processing refuses what only a dropped field made acceptable, at any depth', async t => {
  const app = await buildTestApp(t)
  const refusals: Record<string, string> = {}
  for (const [name, variant] of readDropped()) {
    const ext = `EXT-${Object.keys(refusals).length}`
    const res = await app.inject({
      method: 'POST',
      url: STAGE,
      headers,
      payload: { ...variant, external_account_number: ext }
    })
    t.equal(res.statusCode, 201, name)
    const { errors } = refusal(await processAccount(app, ext))
    refusals[name] = `${res.headers['x-mock-undocumented-fields'] as string}` +
      ` -> ${errors.join(' ')}`
  }
  t.same(refusals, {
    'a preference naming a dropped ledger': 'ledgers -> ' +
      'non_field_errors:invalid_payment_preference_ledger_identifier',
    'a statement with a pdf_context': 'statements.0.pdf_context -> ' +
      'statements.0.non_field_errors:missing_statement_path_or_pdf_context',
    'a meter with an undocumented last billed date':
      'supply_addresses.0.meter_points.0.meters.0.last_billed_to_date -> ' +
      'non_field_errors:last_billed_to_date_not_found'
  })
})

test('after drops anywhere, the rules run again answer as a full check would', async t => {
  const app = await buildTestApp(t)
  const pointers = app.payloads.check('EnergyAccount', exampleAccount())
    .visits.map(visit => visit.pointer)
  const reading = readDropped()
  const variants: Array<[string, Record<string, any>]> = [
    ...reading,
    ...pointers.flatMap((pointer): Array<[string, Record<string, any>]> => [
      [`a number at '${pointer}'`, withExtra(pointer, 1)],
      [`an object at '${pointer}'`, withExtra(pointer, { a: [1] })]
    ])
  ]
  // The clock as set for tests, and one at which the example's last
  // payment review lies in the future.
  const clocks = [undefined, new Date('2019-05-01T12:00:00Z')]
  let compared = 0
  let withFindings = 0
  for (const [name, variant] of variants) {
    for (const at of clocks) {
      app.clock.reset()
      const account = structuredClone(variant)
      const staged = app.payloads.check('EnergyAccount', account)
      if (staged.errors.length > 0) t.fail(`${name} refused at staging`)
      const json = JSON.stringify(account)
      if (at !== undefined) app.clock.set(at)
      // As processing does, straight after staging: what the rules keep
      // of the last payload they read is staging's.
      const again = app.payloads.recheck(staged)
      const full = app.payloads.check('EnergyAccount', JSON.parse(json)).errors
      t.same(again, full, `${name}, clock ${String(at)}`)
      compared++
      if (full.length > 0) withFindings++
    }
  }
  // Every variant under the second clock, and those reading a dropped
  // field under both.
  t.equal(compared, variants.length * 2)
  t.equal(withFindings, variants.length + reading.length)
})

test('the replay answers exactly as a full check of the stored account would', async t => {
  const app = await buildTestApp(t)
  const json = JSON.stringify(documentedAccount('EXT-SAME'))
  const staged = app.payloads.check('EnergyAccount', JSON.parse(json))
  t.same(staged.errors, [])
  t.same(staged.warnings, [])

  const scenarios = contextChanges(app, t)
  let withFindings = 0
  for (const [name, change] of scenarios) {
    await change()
    const full = app.payloads.check('EnergyAccount', JSON.parse(json)).errors
    const replayed = app.payloads.recheck(staged)
    t.same(replayed, full, name)
    if (full.length > 0) withFindings++
  }
  // Not a comparison of empty answers: all but the far future find
  // something.
  t.equal(withFindings, scenarios.length - 1)
})

test('the 1,000 most recently staged accounts take the short path, older ones a full check', async t => {
  const app = await buildTestApp(t)
  for (let n = 0; n <= 1000; n++) {
    app.accounts.stageAccount(documentedAccount(`EXT-MANY-${n}`))
  }
  const { replay } = app.payloads.check('EnergyAccount',
    documentedAccount('EXT-MANY-1000'))
  const calls = spyOnChecks(app)
  t.equal((await processAccount(app, 'EXT-MANY-1000')).status, 201)
  t.same(calls, ['check ProcessAccountImportProcess',
    'schema ProcessAccountImportProcess',
    `recheck (${replay.calls.length} rule calls, dropped: )`])
  calls.length = 0
  // The first one staged was forgotten when the 1,001st came: checked in
  // full, and refused, as the account just created holds its references.
  t.same(refusal(await processAccount(app, 'EXT-MANY-0')), refusedAs(
    'references.0.non_field_errors:reference_already_exists'))
  t.same(calls, ['check ProcessAccountImportProcess',
    'schema ProcessAccountImportProcess', 'check EnergyAccount',
    'schema EnergyAccount'])
})
