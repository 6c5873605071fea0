import { test } from 'tap'
import {
  ACCOUNT_NOT_FOUND, EXT, frozenApp, importAccount, NOT_AUTHENTICATED,
  notOngoing, post, problemsOf, PROCESS_NOT_FOUND, requestExample,
  stageAccount, SUPPLIER
} from './imported-account.js'

const URL = '/v1/data-import/notes/create/'
const INVALID = {
  detail: 'Could not validate the account notes.',
  code: 'notes_failed_validation'
}

// The contract's example pins a note until 2020-06-01 without a
// created_at, so the note would be created now, after its unpin date; the
// tests move unpin_at after the frozen clock.
function example (): Record<string, any> {
  const body = requestExample(URL)
  body.notes[0].unpin_at = '2025-06-01T12:00:00Z'
  return body
}

test('the contract\'s example adds both notes to an imported account',
  async t => {
    const app = await frozenApp(t)
    await importAccount(app)
    const res = await post(app, URL, example())
    t.equal(res.statusCode, 201)
    // Datetimes come back in London time, as DRF renders them.
    t.same(res.json(), [{
      body: 'Some important pinned note.',
      is_pinned: true,
      unpin_at: '2025-06-01T13:00:00+01:00',
      created_at: '2025-01-15T10:00:00Z',
      status: 'NOTE_CREATION_SUCCESS'
    }, {
      created_at: '2020-02-01T12:00:00Z',
      body: 'Some important note with an attachment.',
      document_paths: [{ document_path: 'some/path/to/a/document.pdf' }],
      status: 'NOTE_CREATION_SUCCESS'
    }])
  })

test('a note with the same body and created_at is not added twice',
  async t => {
    const app = await frozenApp(t)
    const account = await importAccount(app)
    await post(app, URL, example())
    const again = await post(app, URL, example())
    t.equal(again.statusCode, 201)
    t.same(again.json().map((n: { status: string }) => n.status),
      ['NOTE_ALREADY_EXISTS', 'NOTE_ALREADY_EXISTS'])
    t.equal(app.store.listAccountRecords(account, 'note').length, 2)
  })

test('notes the account was staged with count for deduplication',
  async t => {
    const app = await frozenApp(t)
    await importAccount(app)
    const res = await post(app, URL, {
      import_supplier: SUPPLIER,
      external_account_number: EXT,
      notes: [
        { body: 'This is a note', created_at: '2018-10-10T10:20:00Z' },
        { body: 'This is a note', created_at: '2018-10-11T10:20:00Z' },
        { body: 'This is a note' }
      ]
    })
    t.same(res.json().map((n: { status: string }) => n.status), [
      'NOTE_ALREADY_EXISTS', 'NOTE_CREATION_SUCCESS', 'NOTE_ALREADY_EXISTS'
    ])
  })

test('document paths resolve inside the supplier\'s root', async t => {
  const app = await frozenApp(t)
  const account = await importAccount(app)
  const res = await post(app, URL, {
    import_supplier: SUPPLIER,
    account_number: EXT,
    notes: [{ document_paths: [{ document_path: '//scans//./a/../b.pdf' }] }]
  })
  t.equal(res.statusCode, 201)
  const [note] = app.store.listAccountRecords(account, 'note')
  t.same(JSON.parse(note?.json ?? '{}').document_locations,
    ['s3://tentacle-migration-files/sftp/migratedfiles/scans/b.pdf'])
})

test('a path that climbs out of the root is refused', async t => {
  const app = await frozenApp(t)
  await importAccount(app)
  const res = await post(app, URL, {
    import_supplier: SUPPLIER,
    external_account_number: EXT,
    notes: [{ body: 'x', document_paths: [{ document_path: 'a/../../b' }] }]
  })
  t.equal(res.statusCode, 400)
  t.same(problemsOf(res), {
    top: INVALID,
    problems: [['path_does_not_exist_in_file_store',
      'notes.0.document_paths.0.document_path']]
  })
})

test('a note needs a body or a document, and an unpin date after it',
  async t => {
    const app = await frozenApp(t)
    await importAccount(app)
    const res = await post(app, URL, {
      import_supplier: SUPPLIER,
      external_account_number: EXT,
      notes: [
        { is_pinned: true },
        { body: 'x', unpin_at: '2025-01-15T09:59:59Z' }
      ]
    })
    t.equal(res.statusCode, 400)
    t.same(problemsOf(res), {
      top: INVALID,
      problems: [
        ['note_body_or_document_path_not_found', 'notes.0.non_field_errors'],
        ['note_unpin_at_earlier_than_creation_date',
          'notes.1.non_field_errors']
      ]
    })
  })

test('a payload naming no account is refused', async t => {
  const app = await frozenApp(t)
  const res = await post(app, URL, {
    import_supplier: SUPPLIER, notes: [{ body: 'x' }]
  })
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    ...INVALID,
    errors: [{
      detail: 'Either account_number or external_account_number must be ' +
        'provided.',
      code: 'invalid',
      attr: 'non_field_errors'
    }]
  })
})

test('an account that was only staged is not found', async t => {
  const app = await frozenApp(t)
  const before = await post(app, URL, example())
  t.equal(before.statusCode, 404)
  t.same(before.json(), { ...INVALID, errors: [PROCESS_NOT_FOUND] })

  await stageAccount(app)
  const res = await post(app, URL, example())
  t.equal(res.statusCode, 404)
  t.same(res.json(), { ...INVALID, errors: [ACCOUNT_NOT_FOUND] })
})

test('a paused supplier refuses notes', async t => {
  const app = await frozenApp(t)
  await importAccount(app)
  app.store.setSupplierStatus(SUPPLIER, 'Paused')
  const res = await post(app, URL, example())
  t.equal(res.statusCode, 400)
  t.same(res.json(), { ...INVALID, errors: [notOngoing(SUPPLIER)] })
})

test('notes need authentication', async t => {
  const app = await frozenApp(t)
  const res = await post(app, URL, example(), false)
  t.equal(res.statusCode, 401)
  t.same(res.json(), NOT_AUTHENTICATED)
})
