import { test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { exampleAccount } from '../helpers/contract.js'

const V1 = '/v1/data-import/validate-account/'
const headers = { authorization: 'Token test-api-key' }

test('an object with its own toString in a choice field is a 400', async t => {
  const app = await buildTestApp(t)
  const account = exampleAccount()
  account.account_type = { toString: 1 }
  account.ledgers[0].ledger_identifier = { toString: 1 }
  const res = await app.inject({
    method: 'POST', url: V1, headers, payload: account
  })
  t.equal(res.statusCode, 400)
  t.same(res.json().errors, [{
    detail: '"{"toString":1}" is not a valid choice.',
    code: 'invalid_choice',
    attr: 'account_type'
  }])
})

test('JSON nested past the limit is a parse error, not a crash', async t => {
  const app = await buildTestApp(t)
  const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)
  const text = JSON.stringify(exampleAccount())
    .replace('"metadata_key"', '"metadata_key","deep":' + deep)
  const res = await app.inject({
    method: 'POST',
    url: V1,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: text
  })
  t.equal(res.statusCode, 400)
  t.same(res.json(), {
    detail: 'JSON parse error - the JSON nests deeper than 500 levels',
    code: 'parse_error'
  })
})

test('the depth limit counts objects and lists: 500 levels parse, 501 do not', async t => {
  const app = await buildTestApp(t)
  const post = (payload: string) => app.inject({
    method: 'POST',
    url: V1,
    headers: { ...headers, 'content-type': 'application/json' },
    payload
  })
  const nested = (levels: number): string =>
    '[{"a":'.repeat(levels / 2) + '1' + '}]'.repeat(levels / 2)
  const atLimit = await post(nested(500))
  t.equal(atLimit.statusCode, 400)
  t.equal(atLimit.json().code, 'account_failed_validation')
  const past = await post('[' + nested(500) + ']')
  t.equal(past.statusCode, 400)
  t.same(past.json(), {
    detail: 'JSON parse error - the JSON nests deeper than 500 levels',
    code: 'parse_error'
  })
  // Far past the limit: still an answer, not a stack overflow.
  const deep = await post('['.repeat(200_000) + ']'.repeat(200_000))
  t.equal(deep.json().code, 'parse_error')
})

test('a path that is not valid percent-encoding is a JSON 404', async t => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'GET',
    url: '/v1/data-import/account-transfer-status/TENTACLE_ENERGY/EXT%ZZ/',
    headers
  })
  t.equal(res.statusCode, 404)
  t.same(res.json(), { detail: 'Not found.', code: 'not_found' })
})

test('a GraphQL query that is not a string is a 400 with no internals',
  async t => {
    const app = await buildTestApp(t)
    for (const query of [true, 5]) {
      const res = await app.inject({
        method: 'POST', url: '/v1/graphql/', payload: { query }
      })
      t.equal(res.statusCode, 400)
      t.same(res.json(), {
        data: null,
        errors: [{ message: 'The GraphQL query must be a string.' }]
      })
    }
  })

test('the clock refuses to leave 1970-01-02 to 9999-12-31', async t => {
  const app = await buildTestApp(t)
  const set = await app.inject({
    method: 'POST', url: '/_mock/clock/set', payload: { at: '0001-01-01T00:00:00Z' }
  })
  t.equal(set.statusCode, 400)
  t.same(set.json().errors, [{
    detail: 'The clock must stay between 1970-01-02 and 9999-12-31.',
    code: 'invalid',
    attr: 'at'
  }])
  const token = await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: {
      query: 'mutation { obtainKrakenToken(input: {APIKey: "test-api-key"}) ' +
        '{ token } }'
    }
  })
  t.type(token.json().data.obtainKrakenToken.token, 'string')
})

test('a date that failed validation feeds no business rule', async t => {
  const app = await buildTestApp(t)
  const account = exampleAccount()
  account.last_billed_to_date = '2024-13-45'
  const res = await app.inject({
    method: 'POST', url: V1, headers, payload: account
  })
  t.equal(res.statusCode, 400)
  t.same(res.json().errors.map((e: { code: string, attr: string }) =>
    `${e.attr}:${e.code}`), ['last_billed_to_date:invalid'])
})
