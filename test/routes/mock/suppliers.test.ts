import { test } from 'tap'
import { buildMockApp, control, stage } from './helpers.js'

test('the suppliers list holds every seeded supplier and its status',
  async t => {
    const app = await buildMockApp(t)
    const res = await control(app, 'GET', '/suppliers')
    t.equal(res.statusCode, 200)
    const suppliers = res.json().suppliers
    t.equal(suppliers.length, app.seed.importSuppliers.length)
    const pairs = suppliers.slice(0, 3)
      .map((s: { code: string, status: string }) => [s.code, s.status])
    t.strictSame(pairs, [
      ['TENTACLE_ENERGY', 'Ongoing'],
      ['TENTACLE_PAUSED', 'Paused'],
      ['TENTACLE_COMPLETE', 'Complete']
    ])
  })

test('one supplier reads by its code, spaces included', async t => {
  const app = await buildMockApp(t)
  const res = await control(app, 'GET', '/suppliers/EDF%20_DEENERGISED')
  t.equal(res.statusCode, 200)
  t.equal(res.json().code, 'EDF _DEENERGISED')
})

test('a Paused supplier refuses writes and works again when Ongoing',
  async t => {
    const app = await buildMockApp(t)
    const paused = await control(app, 'PATCH', '/suppliers/TENTACLE_ENERGY',
      { status: 'Paused' })
    t.equal(paused.statusCode, 200)
    t.equal(paused.json().status, 'Paused')

    const refused = await stage(app)
    t.equal(refused.statusCode, 400)
    t.strictSame(refused.json().errors, [{
      detail: 'The migration for import supplier "TENTACLE_ENERGY" is not ' +
        'ongoing.',
      code: 'import_supplier_migration_not_ongoing',
      attr: 'non_field_errors'
    }])

    await control(app, 'PATCH', '/suppliers/TENTACLE_ENERGY',
      { status: 'Ongoing' })
    t.equal((await stage(app)).statusCode, 201)
  })

test('an unknown supplier is a 404 and a wrong status a 400', async t => {
  const app = await buildMockApp(t)
  const missing = await control(app, 'PATCH', '/suppliers/NOBODY',
    { status: 'Paused' })
  t.equal(missing.statusCode, 404)
  t.strictSame(missing.json(), {
    detail: 'There is no import supplier "NOBODY".',
    code: 'not_found'
  })

  const wrong = await control(app, 'PATCH', '/suppliers/TENTACLE_ENERGY',
    { status: 'Stopped', colour: 'red' })
  t.equal(wrong.statusCode, 400)
  t.strictSame(wrong.json(), {
    detail: 'The control request is not valid.',
    code: 'invalid_control_request',
    errors: [{
      detail: 'This field is not known.',
      code: 'unknown_field',
      attr: 'colour'
    }, {
      detail: 'Use one of: Ongoing, Paused, Complete.',
      code: 'invalid_choice',
      attr: 'status'
    }]
  })
  t.equal(app.store.findSupplier('TENTACLE_ENERGY')?.status, 'Ongoing')
})
