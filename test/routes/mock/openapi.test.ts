import { test } from 'tap'
import YAML from 'yaml'
import { buildTestApp } from '../../helpers/app.js'
import { exampleAccount } from '../../helpers/contract.js'
import { buildMockApp, KRAKEN_HEADERS, PROCESS } from './helpers.js'

const SCHEMA = '/data-import/schema/'

test('the served document is YAML at Kraken\'s schema path, and JSON',
  async t => {
    const app = await buildTestApp(t)
    const yaml = await app.inject({ method: 'GET', url: SCHEMA })
    t.equal(yaml.statusCode, 200)
    t.equal(yaml.headers['content-type'],
      'application/vnd.oai.openapi; charset=utf-8')
    const fromYaml = YAML.parse(yaml.body)

    for (const request of [
      { url: `${SCHEMA}?format=json` },
      { url: SCHEMA, headers: { accept: 'application/json' } },
      { url: '/docs/json' }
    ]) {
      const json = await app.inject({ method: 'GET', ...request })
      t.equal(json.statusCode, 200, request.url)
      t.match(json.headers['content-type'], /^application\/json/)
      t.strictSame(json.json(), fromYaml, request.url)
    }
    t.equal(fromYaml.openapi, '3.1.0')
  })

test('Kraken routes carry the contract\'s schemas and examples', async t => {
  const app = await buildTestApp(t)
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  const processOp = doc.paths[PROCESS].post
  t.equal(processOp.operationId, 'V1 Process Account Import Process')
  t.strictSame(processOp.requestBody.content['application/json'].schema,
    { $ref: '#/components/schemas/ProcessAccountImportProcess' })
  t.strictSame(Object.keys(processOp.responses).sort(),
    ['201', '400', '401', '429'])
  t.strictSame(processOp.responses['429'].content['application/json'].schema,
    { $ref: '#/components/schemas/ErrorResponse' })

  const status = doc.paths['/v1/data-import/account-transfer-status/' +
    '{import_supplier_code}/{external_account_number}/'].get
  t.strictSame(status.parameters.map((p: { name: string }) => p.name),
    ['external_account_number', 'import_supplier_code'])

  // Components lose the $id Ajv needed, and point at each other as
  // components.
  const account = doc.components.schemas.EnergyAccount
  t.equal(account.$id, undefined)
  t.match(JSON.stringify(account), /"\$ref":"#\/components\/schemas\/\w+"/)
  t.notMatch(JSON.stringify(doc.components.schemas), /\.json"/)
})

test('every $ref in the document resolves', async t => {
  const app = await buildTestApp(t)
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []
  const missing = [...new Set(refs)]
    .map(r => r.slice(8, -1).replace('#/components/schemas/', ''))
    .filter(name => doc.components.schemas[name] === undefined)
  t.strictSame(missing, [])
})

test('the document lists the control API with its admin token', async t => {
  const app = await buildTestApp(t)
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  for (const [path, method] of [['/_mock/reset', 'post'],
    ['/_mock/state', 'put'], ['/_mock/journal', 'get'],
    ['/_mock/suppliers/{code}', 'patch'], ['/_mock/faults', 'post'],
    ['/_mock/clock/advance', 'post']]) {
    const op = doc.paths[path as string]?.[method as string]
    t.strictSame(op?.security, [{ mockAdminToken: [] }], `${method} ${path}`)
  }
  t.equal(doc.paths['/_mock/health'].get.security, undefined)
  t.strictSame(doc.components.securitySchemes.mockAdminToken,
    {
      type: 'apiKey',
      in: 'header',
      name: 'x-mock-admin-token',
      description: 'The mock\'s admin token (MOCK_ADMIN_TOKEN), when the ' +
        'control API requires it'
    })
  t.equal(doc.paths['/graphiql'], undefined)
  t.strictSame(doc.paths['/v1/graphql/'].post.tags, ['graphql'])
})

test('Swagger UI and GraphiQL are served', async t => {
  const app = await buildTestApp(t)
  const ui = await app.inject({ method: 'GET', url: '/docs' })
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /^text\/html/)
  const graphiql = await app.inject({ method: 'GET', url: '/graphiql' })
  t.equal(graphiql.statusCode, 200)
})

test('Kraken routes still validate themselves, not through Fastify',
  async t => {
    const app = await buildMockApp(t)
    const account = exampleAccount()
    account.customers[0].landline = 'abcde'
    const res = await app.inject({
      method: 'POST',
      url: '/v1/data-import/validate-account/',
      headers: KRAKEN_HEADERS,
      payload: account
    })
    t.equal(res.statusCode, 400)
    t.equal(res.json().code, 'account_failed_validation')
    t.strictSame(res.json().errors.map((e: { attr: string }) => e.attr),
      ['customers.0.landline'])
  })
