import { test } from 'tap'
import {
  appWith, checkComponent, exampleAccount, problemsOf
} from './helpers.js'

test('a note has a body or documents', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.notes[0] = { created_at: '2018-10-10T10:20:00Z' }
  t.same(await problemsOf(app, account), [{
    code: 'note_body_or_document_path_not_found',
    attr: 'notes.0.non_field_errors'
  }])
  const body = {
    import_supplier: 'TENTACLE_ENERGY',
    external_account_number: 'EXTERNAL-1234',
    notes: [{ is_pinned: true }]
  }
  t.same(checkComponent(app, 'AccountNote', body), [{
    code: 'note_body_or_document_path_not_found',
    attr: 'notes.0.non_field_errors'
  }], 'also when notes are added to an imported account')
})

test('a note is not unpinned before it was created', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.notes[0].unpin_at = '2018-10-10T10:19:59Z'
  t.same(await problemsOf(app, account), [{
    code: 'note_unpin_at_earlier_than_creation_date',
    attr: 'notes.0.non_field_errors'
  }])
})

test('a statement has a path or a PDF context, not both', async t => {
  const app = await appWith(t)
  const account = exampleAccount()
  account.statements[0].pdf_context = { template: 'statement' }
  t.same(await problemsOf(app, account), [{
    code: 'received_statement_path_and_pdf_context',
    attr: 'statements.0.non_field_errors'
  }])
  delete account.statements[0].pdf_context
  delete account.statements[0].statement_path
  t.same(await problemsOf(app, account), [{
    code: 'missing_statement_path_or_pdf_context',
    attr: 'statements.0.non_field_errors'
  }])
})
