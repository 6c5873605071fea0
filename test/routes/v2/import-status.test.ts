import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { test } from 'tap'
import { createClock } from '../../../src/clock.js'
import { PROCESSING_MS } from '../../../src/domain/scheduled-imports.js'
import { buildTestApp } from '../../helpers/app.js'
import { exampleAccount, exampleSchedule } from '../../helpers/contract.js'
import { frozenApp, headers, SCHEDULE, STATUS } from './helpers.js'

async function post (app: FastifyInstance, url: string, payload: object) {
  return await app.inject({ method: 'POST', url, headers, payload })
}

test('an unknown import is a 404 in the contract\'s shape', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'GET',
    url: '/v2/data-import/accounts/TENTACLE_ENERGY/NOBODY/',
    headers
  })
  t.equal(res.statusCode, 404)
  t.strictSame(res.json(), {
    detail: 'No account import for external identifier NOBODY on import ' +
      'supplier TENTACLE_ENERGY.',
    code: 'not_found'
  })
})

test('the status needs authentication, even for an unknown import',
  async t => {
    const app = await buildTestApp(t)
    const res = await app.inject({ method: 'GET', url: STATUS })
    t.equal(res.statusCode, 401)
    t.equal(res.json().code, 'not_authenticated')
  })

test('an account imported through v1 is refused in the v2 shape',
  async t => {
    const app = await buildTestApp(t)
    await post(app, '/v1/data-import/account-import-process/create-or-update/',
      exampleAccount())
    const processed = await post(app,
      '/v1/data-import/account-import-process/process/', {
        import_supplier_code: 'TENTACLE_ENERGY',
        external_account_number: 'EXTERNAL-1234'
      })
    const number = processed.json().kraken_account_number

    const res = await post(app, SCHEDULE, exampleSchedule())
    t.equal(res.statusCode, 400)
    t.strictSame(res.json(), {
      non_field_errors: {
        detail: 'The account import process for external account ' +
          'EXTERNAL-1234 has already been imported.',
        code: 'account_import_process_already_imported'
      },
      account_id: number
    })
  })

test('an account a v2 import created is refused when scheduled again',
  async t => {
    const { app, clock } = await frozenApp(t)
    t.equal((await post(app, SCHEDULE, exampleSchedule())).statusCode, 201)
    clock.advance(PROCESSING_MS)

    const res = await post(app, SCHEDULE, exampleSchedule())
    t.equal(res.statusCode, 400)
    const status = await app.inject({ method: 'GET', url: STATUS, headers })
    t.equal(res.json().account_id, status.json().kraken_identifier)
  })

test('tasks move on their own timer when nobody asks', async t => {
  const clock = createClock()
  const app = await buildTestApp(t, { clock })
  await app.ready()
  t.equal((await post(app, SCHEDULE, exampleSchedule())).statusCode, 201)
  clock.advance(PROCESSING_MS)
  // The store is read directly: a GET would move the task itself.
  await sleep(1200)
  const record = app.store.findScheduledImport('TENTACLE_ENERGY',
    'EXTERNAL-1234')
  t.equal(record?.status, 'PROCESSED')
})
