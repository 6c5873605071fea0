import type { FastifyInstance } from 'fastify'
import { test } from 'tap'
import { buildTestApp } from '../../helpers/app.js'
import {
  EXT, headers, importableAccount, importAccount, NOT_AUTHENTICATED,
  notOngoing, post, stageAccount, SUPPLIER
} from './imported-account.js'

// The contract gives these two operations no request example: they take
// the account from the path. The account is the contract's EnergyAccount
// example, with an electricity and a gas meter point.
const FLOWS = `/v1/data-import/send-registration-flows/${SUPPLIER}/${EXT}/`
const STATUSES =
  `/v1/data-import/meterpoint-statuses-for-account/${SUPPLIER}/${EXT}/`
const MPAN = '1200060176720'
const MPRN = '9353824109'

async function statuses (app: FastifyInstance, auth = true) {
  return await app.inject({
    method: 'GET', url: STATUSES, headers: auth ? headers : {}
  })
}

// The contract's example nests the list in a second list; its schema is
// one flat list of meter points, which the mock follows.
test('imported meter points wait in pre-registration', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  const res = await statuses(app)
  t.equal(res.statusCode, 200)
  t.same(res.json(), [
    { mpxn: MPAN, status: 'PRE_REGISTRATION' },
    { mpxn: MPRN, status: 'PRE_REGISTRATION' }
  ])
})

test('registration flows mark every meter point once', async t => {
  const app = await buildTestApp(t)
  await importAccount(app)
  const res = await post(app, FLOWS)
  t.equal(res.statusCode, 200)
  t.same(res.json(), {
    external_account_number: EXT,
    import_supplier_code: SUPPLIER,
    meter_points: [
      { mpxn: MPAN, status: 'REGISTRATION_FLOW_SUCCESS' },
      { mpxn: MPRN, status: 'REGISTRATION_FLOW_SUCCESS' }
    ]
  })
  t.same((await statuses(app)).json(), [
    { mpxn: MPAN, status: 'REGISTRATION_REQUESTED' },
    { mpxn: MPRN, status: 'REGISTRATION_REQUESTED' }
  ])

  const again = await post(app, FLOWS)
  t.equal(again.statusCode, 200)
  t.same(again.json().meter_points, [MPAN, MPRN].map(mpxn => ({
    mpxn,
    status: 'REGISTRATION_FLOW_ERROR',
    error_detail: `Meter point ${mpxn} is already marked for registration.`
  })))
})

test('an account that was only staged is not found', async t => {
  const app = await buildTestApp(t)
  await stageAccount(app)
  const flows = await post(app, FLOWS)
  t.equal(flows.statusCode, 404)
  t.same(flows.json(), {
    external_account_number: EXT,
    import_supplier_code: SUPPLIER,
    error_detail: `Account not found for ${EXT}.`
  })
  const res = await statuses(app)
  t.equal(res.statusCode, 404)
  t.same(res.json(), { error: `Account not found for ${EXT}.` })
})

test('an account without meter points has nothing to register', async t => {
  const app = await buildTestApp(t)
  const account = importableAccount()
  delete account.supply_addresses
  await importAccount(app, account)
  const flows = await post(app, FLOWS)
  t.equal(flows.statusCode, 404)
  t.same(flows.json(), {
    external_account_number: EXT,
    import_supplier_code: SUPPLIER,
    error_detail: `No meter points found for ${EXT}.`
  })
  const res = await statuses(app)
  t.equal(res.statusCode, 404)
  t.same(res.json(), { error: `No meterpoints found for ${EXT}.` })
})

test('a paused supplier refuses flows but still answers statuses',
  async t => {
    const app = await buildTestApp(t)
    await importAccount(app)
    app.store.setSupplierStatus(SUPPLIER, 'Paused')
    const res = await post(app, FLOWS)
    t.equal(res.statusCode, 400)
    t.same(res.json(), {
      detail: 'Could not send the registration flows.',
      code: 'registration_flows_failed_validation',
      errors: [notOngoing(SUPPLIER)]
    })
    t.equal((await statuses(app)).statusCode, 200)
  })

test('flows and statuses need authentication', async t => {
  const app = await buildTestApp(t)
  const flows = await post(app, FLOWS, undefined, false)
  t.equal(flows.statusCode, 401)
  t.same(flows.json(), NOT_AUTHENTICATED)
  const res = await statuses(app, false)
  t.equal(res.statusCode, 401)
  t.same(res.json(), NOT_AUTHENTICATED)
})
