import { test } from 'tap'
import { paymentVendorFailure } from '../../../src/errors.js'
import { buildTestApp } from '../../helpers/app.js'
import {
  ACCOUNT_NOT_FOUND, EXT, importAccount, NOT_AUTHENTICATED, notOngoing,
  post, PROCESS_NOT_FOUND, requestExample, stageAccount, SUPPLIER
} from './imported-account.js'

const URL = '/v1/data-import/payment-instruction/create/'
const REFERENCE = 'THIS-IS-A-FAKE-REFERENCE'
const INVALID = {
  detail: 'Could not validate the payment instruction.',
  code: 'payment_instruction_failed_validation'
}

test('the contract\'s example instruction is created', async t => {
  const app = await buildTestApp(t)
  const account = await importAccount(app)
  const res = await post(app, URL, requestExample(URL))
  t.equal(res.statusCode, 201)
  // The contract's response example leaves out account_number, which its
  // schema requires; the mock answers every required field.
  t.same(res.json(), {
    account_number: account,
    kraken_account_number: account,
    reference: REFERENCE
  })
})

test('an account with an active instruction refuses another', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  await post(app, URL, requestExample(URL))
  const res = await post(app, URL,
    { ...requestExample(URL), reference: 'ANOTHER-REFERENCE' })
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    error_detail: 'Account already has an active instruction',
    external_account_number: EXT,
    import_supplier: SUPPLIER,
    reference: 'ANOTHER-REFERENCE'
  })
})

// The contract names no value that makes the vendor fail, so its failures
// come from the mock's fault API.
test('an injected vendor failure is a 500 to retry as it is', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  app.faults.add({ route: URL, method: 'POST', kind: 'payment_retryable' })
  const res = await post(app, URL, requestExample(URL))
  t.equal(res.statusCode, 500)
  t.same(res.json(), paymentVendorFailure(true, {
    external_account_number: EXT,
    import_supplier: SUPPLIER,
    reference: REFERENCE
  }).body)
  const retried = await post(app, URL, requestExample(URL))
  t.equal(retried.statusCode, 201)
})

test('reference and instruction_reference exclude each other', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  const { reference, ...none } = requestExample(URL)
  const both = { ...none, reference, instruction_reference: reference }
  const error = (detail: string) => ({
    ...INVALID,
    errors: [{
      detail,
      code: 'mutually_exclusive_field_required',
      attr: 'non_field_errors'
    }]
  })
  const missing = await post(app, URL, none)
  t.equal(missing.statusCode, 400)
  t.same(missing.json(),
    error('Provide reference (or the deprecated instruction_reference).'))
  const twice = await post(app, URL, both)
  t.same(twice.json(),
    error('Provide reference or instruction_reference, not both.'))
})

// The contract documents no 404 for this operation, so a missing account
// is a 400 in the validation envelope.
test('an account that was only staged is refused', async t => {
  const app = await buildTestApp(t)
  const before = await post(app, URL, requestExample(URL))
  t.equal(before.statusCode, 400)
  t.same(before.json(), { ...INVALID, errors: [PROCESS_NOT_FOUND] })

  await stageAccount(app)
  const res = await post(app, URL, requestExample(URL))
  t.equal(res.statusCode, 400)
  t.same(res.json(), { ...INVALID, errors: [ACCOUNT_NOT_FOUND] })
})

test('a paused supplier refuses payment instructions', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  app.store.setSupplierStatus(SUPPLIER, 'Paused')
  const res = await post(app, URL, requestExample(URL))
  t.equal(res.statusCode, 400)
  t.same(res.json(), { ...INVALID, errors: [notOngoing(SUPPLIER)] })
})

test('payment instructions need authentication', async t => {
  const app = await buildTestApp(t)
  const res = await post(app, URL, requestExample(URL), false)
  t.equal(res.statusCode, 401)
  t.same(res.json(), NOT_AUTHENTICATED)
})
