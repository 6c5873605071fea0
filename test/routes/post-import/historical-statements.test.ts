import { test } from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import {
  ACCOUNT_NOT_FOUND, EXT, importAccount, NOT_AUTHENTICATED, notOngoing,
  post, problemsOf, PROCESS_NOT_FOUND, requestExample, stageAccount, SUPPLIER
} from './imported-account.js'

const URL = '/v1/data-import/historical-statements/create/'
const INVALID = {
  detail: 'Could not validate the historical statements.',
  code: 'historical_statements_failed_validation'
}

function statement (id: string, path?: string) {
  return {
    bill_period_from_date: '2022-01-01',
    bill_period_to_date: '2022-01-31',
    statement_id: id,
    ...(path === undefined ? {} : { statement_path: path })
  }
}

function payload (statements: unknown[]) {
  return { import_supplier: SUPPLIER, external_account_number: EXT, statements }
}

test('the contract\'s example statement is attached to the account',
  async t => {
    const app = await buildTestApp(t)
    const account = await importAccount(app)
    const example = requestExample(URL)
    const res = await post(app, URL, example)
    t.equal(res.statusCode, 201)
    t.same(res.json(), example)
    const [stored] = app.store.listAccountRecords(account, 'statement')
    t.equal(stored?.key, '1')
    t.equal(JSON.parse(stored?.json ?? '{}').location,
      's3://tentacle-migration-files/sftp/migratedfiles/path/to/' +
      'statement-1.pdf')
  })

test('a statement id the account already has is refused', async t => {
  const app = await buildTestApp(t)
  const account = await importAccount(app)
  await post(app, URL, payload([statement('1', 'a.pdf')]))
  // 12345 came with the staged account; 1 was added above.
  const res = await post(app, URL,
    payload([statement('12345', 'b.pdf'), statement('1', 'c.pdf')]))
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    ...INVALID,
    errors: [{
      detail: 'The account already has a statement with id 12345.',
      code: 'historical_statement_already_exists',
      attr: 'non_field_errors'
    }, {
      detail: 'The account already has a statement with id 1.',
      code: 'historical_statement_already_exists',
      attr: 'non_field_errors'
    }]
  })
  t.equal(app.store.listAccountRecords(account, 'statement').length, 1)
})

test('a statement needs a path inside the supplier\'s root', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  const res = await post(app, URL,
    payload([statement('7'), statement('8', '/../statements/8.pdf')]))
  t.equal(res.statusCode, 400)
  t.same(problemsOf(res), {
    top: INVALID,
    problems: [
      ['missing_statement_path_or_pdf_context',
        'statements.0.non_field_errors'],
      ['path_does_not_exist_in_file_store', 'statements.1.statement_path']
    ]
  })
})

test('an account that was only staged is not found', async t => {
  const app = await buildTestApp(t)
  const before = await post(app, URL, requestExample(URL))
  t.equal(before.statusCode, 404)
  t.same(before.json(), { ...INVALID, errors: [PROCESS_NOT_FOUND] })

  await stageAccount(app)
  const res = await post(app, URL, requestExample(URL))
  t.equal(res.statusCode, 404)
  t.same(res.json(), { ...INVALID, errors: [ACCOUNT_NOT_FOUND] })
})

test('a completed supplier refuses statements', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  app.store.setSupplierStatus(SUPPLIER, 'Complete')
  const res = await post(app, URL, requestExample(URL))
  t.equal(res.statusCode, 400)
  t.same(res.json(), { ...INVALID, errors: [notOngoing(SUPPLIER)] })
})

test('statements need authentication', async t => {
  const app = await buildTestApp(t)
  const res = await post(app, URL, requestExample(URL), false)
  t.equal(res.statusCode, 401)
  t.same(res.json(), NOT_AUTHENTICATED)
})
