import type { FastifyInstance } from 'fastify'
import { test } from 'tap'
import { exampleSchedule } from '../../helpers/contract.js'
import { at, frozenApp, headers, HOUR, SCHEDULE } from './helpers.js'

async function schedule (app: FastifyInstance, body: unknown) {
  return await app.inject({
    method: 'POST', url: SCHEDULE, headers, payload: body as object
  })
}

async function errorsOf (app: FastifyInstance, taskParams: object) {
  const res = await schedule(app, exampleSchedule({ ...taskParams }))
  if (res.statusCode !== 400) throw new Error(`${res.statusCode} ${res.body}`)
  return res.json().errors.map((e: { code: string, attr: string }) =>
    ({ code: e.code, attr: e.attr }))
}

test('a window that starts in the past is refused at its start field',
  async t => {
    const { app } = await frozenApp(t)
    const res = await schedule(app, exampleSchedule({
      schedule_window_start: at(-1000)
    }))
    t.equal(res.statusCode, 400)
    t.strictSame(res.json(), {
      detail: 'Could not schedule the account import.',
      code: 'import_process_failed_validation',
      errors: [{
        detail: 'The schedule window cannot start in the past.',
        code: 'schedule_window_start_in_past',
        attr: 'task_params.schedule_window_start'
      }]
    })
  })

test('a window may end exactly four days ahead but not a second later',
  async t => {
    const { app } = await frozenApp(t)
    t.strictSame(await errorsOf(app, {
      schedule_window_end: at(96 * HOUR + 1000)
    }), [{
      code: 'schedule_window_end_too_far_in_future',
      attr: 'task_params.schedule_window_end'
    }])
    const res = await schedule(app, exampleSchedule({
      schedule_window_end: at(96 * HOUR)
    }))
    t.equal(res.statusCode, 201)
  })

test('a window must start before it ends', async t => {
  const { app } = await frozenApp(t)
  const expected = [{
    code: 'schedule_window_start__after_end',
    attr: 'task_params.non_field_errors'
  }]
  t.strictSame(await errorsOf(app, {
    schedule_window_start: at(2 * HOUR), schedule_window_end: at(HOUR)
  }), expected)
  t.strictSame(await errorsOf(app, {
    schedule_window_start: at(HOUR), schedule_window_end: at(HOUR)
  }), expected)
})

test('both field rules report together, before the start-end rule runs',
  async t => {
    const { app } = await frozenApp(t)
    t.strictSame(await errorsOf(app, {
      schedule_window_start: at(-HOUR), schedule_window_end: at(100 * HOUR)
    }), [
      {
        code: 'schedule_window_start_in_past',
        attr: 'task_params.schedule_window_start'
      },
      {
        code: 'schedule_window_end_too_far_in_future',
        attr: 'task_params.schedule_window_end'
      }
    ])
  })

test('an absent end defaults to four days ahead, so a later start fails',
  async t => {
    const { app } = await frozenApp(t)
    t.strictSame(await errorsOf(app, {
      schedule_window_start: at(97 * HOUR)
    }), [{
      code: 'schedule_window_start__after_end',
      attr: 'task_params.non_field_errors'
    }])
  })

test('empty or null task parameters take the defaults', async t => {
  const { app } = await frozenApp(t)
  t.equal((await schedule(app, exampleSchedule())).statusCode, 201)
  const res = await schedule(app, exampleSchedule({
    is_dry_run: false,
    schedule_window_start: null,
    schedule_window_end: null
  }))
  t.equal(res.statusCode, 201)
  t.equal(res.body, '')
})

test('account errors are relative to payload, task errors keep their path',
  async t => {
    const { app } = await frozenApp(t)
    const body = exampleSchedule({
      is_dry_run: 'maybe', schedule_window_start: at(-HOUR)
    })
    body.payload.customers[0].landline = 'abcde'
    const res = await schedule(app, body)
    t.equal(res.statusCode, 400)
    t.strictSame(res.json().errors.map((e: { attr: string }) => e.attr), [
      'task_params.is_dry_run',
      'customers.0.landline',
      'task_params.schedule_window_start'
    ])
  })

test('the payload and the task parameters are both required', async t => {
  const { app } = await frozenApp(t)
  const res = await schedule(app, {})
  t.equal(res.statusCode, 400)
  t.strictSame(res.json().errors, [
    { detail: 'This field is required.', code: 'required', attr: 'payload' },
    {
      detail: 'This field is required.',
      code: 'required',
      attr: 'task_params'
    }
  ])
})

test('the undocumented field of the example is dropped and reported',
  async t => {
    const { app } = await frozenApp(t)
    const res = await schedule(app, exampleSchedule())
    t.equal(res.statusCode, 201)
    t.equal(res.headers['x-mock-undocumented-fields'], 'ledgers')
  })

test('a paused supplier refuses to schedule', async t => {
  const { app } = await frozenApp(t)
  const res = await schedule(app, exampleSchedule({}, 'TENTACLE_PAUSED'))
  t.equal(res.statusCode, 400)
  t.strictSame(res.json(), {
    detail: 'Could not schedule the account import.',
    code: 'import_process_failed_validation',
    errors: [{
      detail: 'The migration for import supplier "TENTACLE_PAUSED" is not ' +
        'ongoing.',
      code: 'import_supplier_migration_not_ongoing',
      attr: 'non_field_errors'
    }]
  })
})

test('a window without an offset is read in London time', async t => {
  const { app } = await frozenApp(t)
  // NOW is 13:00 in London (BST), so 12:30 there is half an hour ago.
  t.strictSame(await errorsOf(app, {
    schedule_window_start: '2030-06-01T12:30:00'
  }), [{
    code: 'schedule_window_start_in_past',
    attr: 'task_params.schedule_window_start'
  }])
  const res = await schedule(app, exampleSchedule({
    schedule_window_start: '2030-06-01T13:30:00'
  }))
  t.equal(res.statusCode, 201)
})
