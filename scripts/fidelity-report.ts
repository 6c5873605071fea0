// Prints, per operation of the GB contract, what the conformance suite
// covers: whether a route serves it, whether it requires authentication,
// each request sent with the status it got and what its body was checked
// against, and the declared statuses no request reached.
//
//   npm run fidelity      exits 1 when a served operation fails a check
import {
  buildConformanceApp, checkContract, NOT_SERVED_YET, type OperationReport
} from '../test/conformance/harness.js'

const lines: string[] = []
const print = (line = ''): void => { lines.push(line) }
let failures = 0

function fail (text: string): string {
  failures++
  return `FAIL ${text}`
}

function describeOperation (report: OperationReport): void {
  const { op } = report
  print(`${op.method} ${op.path}`)
  if (!report.served) {
    const why = NOT_SERVED_YET.has(op.operationId)
      ? 'not served yet'
      : fail('not served, and not listed as not served yet')
    print(`  ${op.operationId}: ${why}`)
    return
  }
  const auth = report.auth.status === 401
    ? 'requires authentication'
    : fail(`answers ${report.auth.status} without authentication`)
  print(`  ${op.operationId}: served, ${auth}`)

  for (const { probe, status, verdict } of report.exchanges) {
    const got = status === probe.expect
      ? String(status)
      : fail(`${status}, expected ${probe.expect}`)
    const body = verdict.ok ? verdict.against : fail(verdict.against)
    print(`  ${got}  ${probe.label}: ${body}`)
    for (const problem of verdict.problems) print(`         ${problem}`)
    for (const note of probe.notes) print(`         note: ${note}`)
  }
  if (report.unexercised.length > 0) {
    print(`  declared but not exercised: ${report.unexercised.join(', ')}`)
  }
}

const app = await buildConformanceApp()
const reports = await checkContract(app)
await app.close()

const served = reports.filter(r => r.served).length
print(`GB contract: ${reports.length} operations, ${served} served, ` +
  `${reports.length - served} not served`)
for (const report of reports) {
  print()
  describeOperation(report)
}
print()
print(failures === 0 ? 'every check passed' : `${failures} check(s) failed`)
process.stdout.write(lines.join('\n') + '\n')
process.exitCode = failures === 0 ? 0 : 1
