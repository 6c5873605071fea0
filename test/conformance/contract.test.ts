import { test } from 'tap'
import { operations } from '../helpers/contract.js'
import {
  buildConformanceApp, checkContract, NOT_SERVED_YET
} from './harness.js'

// The contract drives this suite: every operation in operations.json, its
// own request examples, and the response schemas it declares per status.

const app = await buildConformanceApp()
const reports = await checkContract(app)
await app.close()

test('the suite visits every operation the contract declares', async t => {
  t.equal(operations.length, 16)
  t.strictSame(reports.map(r => r.op.operationId),
    operations.map(op => op.operationId))
  const ids = new Set(operations.map(op => op.operationId))
  t.strictSame([...NOT_SERVED_YET].filter(id => !ids.has(id)), [],
    'the not-served list names only operations of the contract')
})

for (const report of reports) {
  const { op } = report
  const listed = NOT_SERVED_YET.has(op.operationId)
  const skip = !report.served && listed
    ? 'not served yet (listed in NOT_SERVED_YET)'
    : false

  test(`${op.method} ${op.path} answers as the contract declares`,
    { skip }, async t => {
      t.ok(report.served, 'a route serves the operation')
      if (!report.served) return
      if (listed) t.comment('served now: drop it from NOT_SERVED_YET')

      t.equal(report.auth.status, 401, 'it requires authentication')
      t.strictSame(report.auth.body, {
        detail: 'Authentication credentials were not provided.',
        code: 'not_authenticated'
      })
      for (const { probe, status, verdict } of report.exchanges) {
        for (const note of probe.notes) t.comment(`${probe.label}: ${note}`)
        t.equal(status, probe.expect, `${probe.label} answers ${probe.expect}`)
        t.ok(verdict.ok, `${probe.label}: the body matches ${verdict.against}`,
          { problems: verdict.problems })
      }
    })
}
