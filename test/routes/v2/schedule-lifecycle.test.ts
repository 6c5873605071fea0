import { test } from 'tap'
import { PROCESSING_MS } from '../../../src/domain/scheduled-imports.js'
import {
  at, frozenApp, headers, HOUR, schedule, statusOf, TRANSFER
} from './helpers.js'

const CREATED = 'EVENT_ACCOUNT_IMPORT_PROCESS_CREATED'

test('an import waits, runs and creates the account on the mock clock',
  async t => {
    const { app, clock } = await frozenApp(t)
    await schedule(app, { schedule_window_start: at(HOUR) })
    const created = { event: CREATED, occurred_at: at(0), data: null }
    t.strictSame(await statusOf(t, app), {
      status: 'PENDING',
      kraken_identifier: null,
      created_at: at(0),
      modified_at: at(0),
      latest_event: created,
      latest_error: null
    })

    clock.advance(HOUR)
    t.strictSame(await statusOf(t, app), {
      status: 'IN_PROGRESS',
      kraken_identifier: null,
      created_at: at(0),
      modified_at: at(HOUR),
      latest_event: created,
      latest_error: null
    })

    clock.advance(PROCESSING_MS)
    const done = await statusOf(t, app)
    t.match(done.kraken_identifier, /^A-[0-9A-F]{8}$/)
    t.strictSame(done, {
      status: 'PROCESSED',
      kraken_identifier: done.kraken_identifier,
      created_at: at(0),
      modified_at: at(HOUR + PROCESSING_MS),
      latest_event: {
        event: 'EVENT_ACCOUNT_IMPORT_PROCESS_PROCESSED',
        occurred_at: at(HOUR + PROCESSING_MS),
        data: null
      },
      latest_error: null
    })
    const transfer = await app.inject({ method: 'GET', url: TRANSFER, headers })
    t.strictSame(transfer.json(), {
      status: 'COMPLETED',
      account_number: done.kraken_identifier,
      kraken_account_number: done.kraken_identifier
    })
  })

test('without a window the import starts at once', async t => {
  const { app, clock } = await frozenApp(t)
  await schedule(app, {})
  t.equal((await statusOf(t, app)).status, 'IN_PROGRESS')
  clock.advance(PROCESSING_MS - 1)
  t.equal((await statusOf(t, app)).status, 'IN_PROGRESS')
  clock.advance(1)
  t.equal((await statusOf(t, app)).status, 'PROCESSED')
})

test('a dry run succeeds without creating an account', async t => {
  const { app, clock } = await frozenApp(t)
  await schedule(app, { is_dry_run: true })
  clock.advance(PROCESSING_MS)
  t.strictSame(await statusOf(t, app), {
    status: 'DRY_RUN_SUCCEEDED',
    kraken_identifier: null,
    created_at: at(0),
    modified_at: at(PROCESSING_MS),
    latest_event: { event: CREATED, occurred_at: at(0), data: null },
    latest_error: null
  })
  const transfer = await app.inject({ method: 'GET', url: TRANSFER, headers })
  t.equal(transfer.json().status, 'UNKNOWN')
})
