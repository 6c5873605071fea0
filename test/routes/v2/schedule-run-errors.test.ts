import { test } from 'tap'
import { PROCESSING_MS } from '../../../src/domain/scheduled-imports.js'
import {
  at, frozenApp, headers, HOUR, schedule, statusOf, TRANSFER
} from './helpers.js'

// Kraken checks an import again when it runs; these are the ways a task
// that was accepted can still end in an error.

const PAUSED_ERROR = {
  code: 'import_supplier_migration_not_ongoing',
  detail: 'The migration for import supplier "TENTACLE_ENERGY" is not ' +
    'ongoing.',
  domain: 'import_process'
}

test('a supplier paused before the window opens makes the import error',
  async t => {
    const { app, clock } = await frozenApp(t)
    await schedule(app, { schedule_window_start: at(HOUR) })
    app.store.setSupplierStatus('TENTACLE_ENERGY', 'Paused')
    clock.advance(HOUR + PROCESSING_MS)
    t.strictSame(await statusOf(t, app), {
      status: 'ERRORED',
      kraken_identifier: null,
      created_at: at(0),
      modified_at: at(HOUR + PROCESSING_MS),
      latest_event: {
        event: 'EVENT_ACCOUNT_IMPORT_PROCESS_ERRORED',
        occurred_at: at(HOUR + PROCESSING_MS),
        data: PAUSED_ERROR
      },
      latest_error: PAUSED_ERROR
    })
    const transfer = await app.inject({ method: 'GET', url: TRANSFER, headers })
    t.equal(transfer.json().status, 'UNKNOWN')
  })

test('a dry run that would fail ends DRY_RUN_ERRORED', async t => {
  const { app, clock } = await frozenApp(t)
  await schedule(app, { is_dry_run: true, schedule_window_start: at(HOUR) })
  app.store.setSupplierStatus('TENTACLE_ENERGY', 'Complete')
  clock.advance(HOUR + PROCESSING_MS)
  const status = await statusOf(t, app)
  t.equal(status.status, 'DRY_RUN_ERRORED')
  t.equal(status.latest_error.code, 'import_supplier_migration_not_ongoing')
})

test('an account payload that no longer validates makes the run error',
  async t => {
    const { app, clock } = await frozenApp(t)
    await schedule(app, { schedule_window_start: at(HOUR) })
    // No rule in the mock yet turns a valid account invalid with time, so
    // the stored payload is broken directly to reach the run-time check.
    const record = app.store.findScheduledImport('TENTACLE_ENERGY',
      'EXTERNAL-1234')
    if (record === undefined) throw new Error('not scheduled')
    const account = JSON.parse(record.payloadJson)
    account.customers[0].landline = 'abcde'
    app.store.saveScheduledImport({
      ...record, payloadJson: JSON.stringify(account)
    })
    clock.advance(HOUR + PROCESSING_MS)
    const status = await statusOf(t, app)
    t.equal(status.status, 'ERRORED')
    t.strictSame(status.latest_error, {
      code: 'import_process_failed_validation',
      detail: 'The account data failed 1 validation check(s) when the ' +
        'import ran; validate it again to see them.',
      domain: 'import_process'
    })
  })

test('an account imported through v1 meanwhile makes the run error',
  async t => {
    const { app, clock } = await frozenApp(t)
    await schedule(app, { schedule_window_start: at(HOUR) })
    const res = await app.inject({
      method: 'POST',
      url: '/v1/data-import/account-import-process/process/',
      headers,
      payload: {
        import_supplier_code: 'TENTACLE_ENERGY',
        external_account_number: 'EXTERNAL-1234'
      }
    })
    t.equal(res.statusCode, 201)
    clock.advance(HOUR + PROCESSING_MS)
    const status = await statusOf(t, app)
    t.equal(status.status, 'ERRORED')
    t.equal(status.latest_error.code, 'account_import_process_already_imported')
  })

test('scheduling again after an error replaces the failed task', async t => {
  const { app, clock } = await frozenApp(t)
  await schedule(app, {})
  app.store.setSupplierStatus('TENTACLE_ENERGY', 'Paused')
  clock.advance(PROCESSING_MS)
  t.equal((await statusOf(t, app)).status, 'ERRORED')

  app.store.setSupplierStatus('TENTACLE_ENERGY', 'Ongoing')
  await schedule(app, { schedule_window_start: at(PROCESSING_MS + HOUR) })
  const status = await statusOf(t, app)
  t.equal(status.status, 'PENDING')
  t.equal(status.created_at, at(PROCESSING_MS))
  t.equal(status.latest_error, null)
})
