import { test } from 'tap'
import {
  buildMockApp, control, EXAMPLE_TIME, KRAKEN_HEADERS, processAccount, stage, STAGE,
  transferStatus
} from './helpers.js'

interface Entry { path: string, externalAccountNumber: string }

test('the journal filters by path, status, supplier, account and since',
  async t => {
    const app = await buildMockApp(t)
    await stage(app, 'EXT-1')
    await stage(app, 'EXT-2', 'TENTACLE_MANUAL')
    await processAccount(app, 'NEVER')
    const since = new Date(Date.parse(EXAMPLE_TIME) + 1).toISOString()
    app.clock.advance(60_000)
    await app.inject({
      method: 'GET', url: transferStatus('EXT-1'), headers: KRAKEN_HEADERS
    })

    const find = async (query: string): Promise<string[]> => {
      const res = await control(app, 'GET', `/journal?${query}`)
      t.equal(res.statusCode, 200, query)
      return res.json().entries.map((e: Entry) =>
        `${e.path.split('/')[3]} ${e.externalAccountNumber}`)
    }
    t.strictSame(await find('status=4xx'), ['account-import-process NEVER'])
    t.strictSame(await find('status=201&supplier=TENTACLE_MANUAL'),
      ['account-import-process EXT-2'])
    t.strictSame(await find('account=EXT-1'),
      ['account-import-process EXT-1', 'account-transfer-status EXT-1'])
    t.strictSame(await find(`path=${encodeURIComponent(STAGE)}&limit=1`),
      ['account-import-process EXT-2'])
    t.strictSame(await find(`since=${encodeURIComponent(since)}&method=GET`),
      ['account-transfer-status EXT-1'])
  })

test('a journal filter that is not valid is a 400 naming it', async t => {
  const app = await buildMockApp(t)
  const res = await control(app, 'GET',
    '/journal?status=teapot&since=yesterday&limit=0&colour=red')
  t.equal(res.statusCode, 400)
  t.strictSame(res.json().errors.map((e: { code: string, attr: string }) =>
    [e.code, e.attr]).sort(), [
    ['invalid', 'query.since'],
    ['invalid', 'query.status'],
    ['min_value', 'query.limit'],
    ['unknown_field', 'query.colour']
  ])
})

test('the journal is bounded by MOCK_JOURNAL_SIZE and can be cleared',
  async t => {
    const app = await buildMockApp(t, { MOCK_JOURNAL_SIZE: '2' })
    for (const ext of ['A', 'B', 'C']) {
      await app.inject({
        method: 'GET', url: transferStatus(ext), headers: KRAKEN_HEADERS
      })
    }
    await control(app, 'GET', '/suppliers')
    const listed = (await control(app, 'GET', '/journal')).json()
    t.strictSame(listed.entries.map((e: { externalAccountNumber: string }) =>
      e.externalAccountNumber), ['B', 'C'])
    t.equal(listed.evicted, 1)

    const cleared = await control(app, 'DELETE', '/journal')
    t.strictSame(cleared.json(), { cleared: 2 })
    t.strictSame((await control(app, 'GET', '/journal')).json().entries, [])
  })
