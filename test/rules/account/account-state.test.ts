import { test } from 'tap'
import { appWith, exampleAccount } from './helpers.js'

const STAGE = '/v1/data-import/account-import-process/create-or-update/'
const NOTES = '/v1/data-import/notes/create/'
const headers = { authorization: 'Token test-api-key' }

const notes = {
  import_supplier: 'TENTACLE_ENERGY',
  external_account_number: 'EXTERNAL-1234',
  notes: [{ body: 'Called the customer.' }]
}

test('notes for an account never staged name the missing process',
  async t => {
    const app = await appWith(t)
    const res = await app.inject({
      method: 'POST', url: NOTES, headers, payload: notes
    })
    // The contract documents a 404 for notes to an unknown account.
    t.equal(res.statusCode, 404)
    t.same(res.json().errors.map((e: { code: string, attr: string }) =>
      [e.code, e.attr]), [['import_process_does_not_exist',
      'non_field_errors']])
  })

test('notes for an account staged but not imported are refused',
  async t => {
    const app = await appWith(t)
    const staged = await app.inject({
      method: 'POST', url: STAGE, headers, payload: exampleAccount()
    })
    t.equal(staged.statusCode, 201)
    const res = await app.inject({
      method: 'POST', url: NOTES, headers, payload: notes
    })
    // The contract documents a 404 for notes to an unknown account.
    t.equal(res.statusCode, 404)
    t.same(res.json().errors.map((e: { code: string, attr: string }) =>
      [e.code, e.attr]), [['account_not_found', 'non_field_errors']])
  })
