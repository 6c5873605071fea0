import { Writable } from 'node:stream'
import { test } from 'tap'
import { buildApp, warmUp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config.js'
import {
  adminTokenRequired, isLoopback
} from '../../../src/plugins/admin-auth.js'
import { buildTestApp, defaultSeed } from '../../helpers/app.js'
import { control } from './helpers.js'

const TOKEN = 'admin-token-for-tests'
const WIDE = { HOST: '0.0.0.0', MOCK_ADMIN_TOKEN: TOKEN }

test('loopback hosts are told from hosts others can reach', t => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]',
    '::ffff:127.0.0.1']) {
    t.equal(isLoopback(host), true, host)
  }
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'mock.internal']) {
    t.equal(isLoopback(host), false, host)
  }
  t.end()
})

test('auto requires the token only beyond loopback', t => {
  const config = (env: Record<string, string>) => loadConfig(env)
  t.equal(adminTokenRequired(config({})), false)
  t.equal(adminTokenRequired(config({ HOST: '0.0.0.0' })), true)
  t.equal(adminTokenRequired(config({ MOCK_ADMIN_AUTH: 'required' })), true)
  t.equal(adminTokenRequired(config({
    HOST: '0.0.0.0', MOCK_ADMIN_AUTH: 'off'
  })), false)
  t.end()
})

test('on loopback the control API answers without a token', async t => {
  const app = await buildTestApp(t)
  t.equal((await control(app, 'GET', '/clock')).statusCode, 200)
})

test('beyond loopback a control call needs the right token', async t => {
  const app = await buildTestApp(t, { env: WIDE })
  const missing = await control(app, 'POST', '/reset')
  t.equal(missing.statusCode, 401)
  t.strictSame(missing.json(), {
    detail: 'The control API needs the admin token in the ' +
      'x-mock-admin-token header.',
    code: 'admin_token_missing'
  })

  const wrong = await control(app, 'POST', '/reset', undefined,
    { 'x-mock-admin-token': 'not-the-token' })
  t.equal(wrong.statusCode, 403)
  t.equal(wrong.json().code, 'admin_token_invalid')

  const right = await control(app, 'POST', '/reset', undefined,
    { 'x-mock-admin-token': TOKEN })
  t.equal(right.statusCode, 200)
})

test('health, readiness and Kraken\'s routes stay open', async t => {
  const app = await buildTestApp(t, { env: WIDE })
  t.equal((await control(app, 'GET', '/health')).statusCode, 200)
  t.equal((await control(app, 'GET', '/ready')).statusCode, 200)
  const kraken = await app.inject({
    method: 'GET',
    url: '/v1/data-import/all-account-import-processes/TENTACLE_ENERGY/',
    headers: { authorization: 'Token test-api-key' }
  })
  t.equal(kraken.statusCode, 200)
})

test('a required token that is not configured refuses every control call',
  async t => {
    const app = await buildTestApp(t, {
      env: { MOCK_ADMIN_AUTH: 'required' }
    })
    const res = await control(app, 'GET', '/journal', undefined,
      { 'x-mock-admin-token': 'anything-at-all' })
    t.equal(res.statusCode, 403)
    t.equal(res.json().code, 'admin_token_not_configured')
    t.match(res.json().detail, /MOCK_ADMIN_TOKEN/)
  })

test('the admin token never reaches the log', async t => {
  const lines: string[] = []
  const stream = new Writable({
    write (chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    }
  })
  const app = await buildApp({
    config: loadConfig({ ...WIDE, MOCK_JWT_SECRET: 'test-secret-0123456789' }),
    seed: defaultSeed,
    logger: { level: 'trace', stream }
  })
  warmUp(app)
  t.teardown(() => app.close())
  await control(app, 'POST', '/reset', undefined,
    { 'x-mock-admin-token': TOKEN })
  await control(app, 'POST', '/reset', undefined,
    { 'x-mock-admin-token': 'a-wrong-secret-value' })
  t.ok(lines.length > 0)
  const log = lines.join('')
  t.notOk(log.includes(TOKEN))
  t.notOk(log.includes('a-wrong-secret-value'))
})
