import { test } from 'tap'
import { createClock } from '../../../src/clock.js'
import { buildTestApp, obtainToken } from '../../helpers/app.js'
import { exampleSchedule } from '../../helpers/contract.js'
import {
  control, EXAMPLE_TIME, KRAKEN_HEADERS, transferStatus
} from './helpers.js'

const NOW = EXAMPLE_TIME

async function frozenApp (t: Parameters<typeof buildTestApp>[0]) {
  const clock = createClock()
  clock.freeze(new Date(NOW))
  return await buildTestApp(t, { clock })
}

test('the clock reads, freezes, sets, advances and resets', async t => {
  const app = await buildTestApp(t)
  const read = (await control(app, 'GET', '/clock')).json()
  t.equal(read.frozen, false)
  t.ok(Math.abs(Date.parse(read.now) - Date.now()) < 1000)

  const frozen = await control(app, 'POST', '/clock/freeze',
    { at: '2030-01-01T00:00:00+01:00' })
  t.strictSame(frozen.json().now, '2029-12-31T23:00:00.000Z')
  t.equal(frozen.json().frozen, true)

  const set = await control(app, 'POST', '/clock/set',
    { at: '2031-02-03T04:05:06Z' })
  t.equal(set.json().now, '2031-02-03T04:05:06.000Z')
  t.equal(set.json().frozen, true)

  const advanced = await control(app, 'POST', '/clock/advance',
    { days: 1, hours: 1, minutes: 1, seconds: 1, milliseconds: 1 })
  t.equal(advanced.json().now, '2031-02-04T05:06:07.001Z')

  const back = await control(app, 'POST', '/clock/advance', { minutes: -1 })
  t.equal(back.json().now, '2031-02-04T05:05:07.001Z')

  const unfrozen = await control(app, 'POST', '/clock/unfreeze')
  t.equal(unfrozen.json().frozen, false)

  const reset = await control(app, 'POST', '/clock/reset')
  t.strictSame([reset.json().frozen, reset.json().offsetMs], [false, 0])
})

test('freezing without an instant stops the clock where it is', async t => {
  const app = await frozenApp(t)
  await control(app, 'POST', '/clock/unfreeze')
  const res = await control(app, 'POST', '/clock/freeze')
  t.equal(res.statusCode, 200)
  t.equal(res.json().frozen, true)
  t.ok(Math.abs(Date.parse(res.json().now) - Date.parse(NOW)) < 1000)
})

test('instants and durations that are not valid are refused', async t => {
  const app = await frozenApp(t)
  const cases: Array<[string, unknown, string[][]]> = [
    ['/clock/set', {}, [['required', 'at']]],
    ['/clock/set', { at: '2030-02-30T00:00:00Z' }, [['invalid', 'at']]],
    ['/clock/set', { at: '2030-01-01T00:00:00' }, [['invalid', 'at']]],
    ['/clock/advance', {}, [['required', 'non_field_errors']]],
    ['/clock/advance', { minutes: '61' }, [['invalid', 'minutes']]],
    ['/clock/advance', { days: 40_000 }, [['max_value', 'non_field_errors']]],
    ['/clock/reset', { now: true }, [['unknown_field', 'now']]]
  ]
  for (const [url, body, expected] of cases) {
    const res = await control(app, 'POST', url, body)
    t.equal(res.statusCode, 400, `${url} ${JSON.stringify(body)}`)
    t.strictSame(res.json().errors.map((e: { code: string, attr: string }) =>
      [e.code, e.attr]), expected)
  }
  t.equal(app.clock.describe().now, NOW)
})

test('advancing 61 minutes expires a token on REST and GraphQL', async t => {
  const app = await frozenApp(t)
  const jwt = await obtainToken(app)
  const headers = { authorization: `JWT ${jwt}` }
  const before = await app.inject({
    method: 'GET', url: transferStatus('X'), headers
  })
  t.equal(before.statusCode, 404)

  await control(app, 'POST', '/clock/advance', { minutes: 61 })
  const rest = await app.inject({
    method: 'GET', url: transferStatus('X'), headers
  })
  t.equal(rest.statusCode, 401)
  t.equal(rest.json().code, 'authentication_failed')

  const graphql = await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    headers,
    payload: { query: '{ mockVersion }' }
  })
  t.equal(graphql.json().errors[0].extensions.errorCode, 'KT-CT-1124')
})

test('advancing the clock opens a v2 schedule window', async t => {
  const app = await frozenApp(t)
  const start = new Date(Date.parse(NOW) + 60 * 60_000).toISOString()
  const scheduled = await app.inject({
    method: 'POST',
    url: '/v2/data-import/accounts/',
    headers: KRAKEN_HEADERS,
    payload: exampleSchedule({ schedule_window_start: start })
  })
  t.equal(scheduled.statusCode, 201)
  const status = async () => (await app.inject({
    method: 'GET',
    url: '/v2/data-import/accounts/TENTACLE_ENERGY/EXTERNAL-1234/',
    headers: KRAKEN_HEADERS
  })).json().status

  t.equal(await status(), 'PENDING')
  await control(app, 'POST', '/clock/advance', { minutes: 61 })
  // Open: running, or already done once its processing time has passed.
  t.match(await status(), /^(IN_PROGRESS|PROCESSED)$/)
})
