// Validates payload files offline, with the same schemas and business rules
// as the running mock, and prints Kraken's answer for each:
//
//   npm run validate-files -- [--kind <kind>] [--seed <file>] <file>...
//
// A file holds one JSON payload, or a JSON array of them. Exit code 1 when
// any payload fails, 2 when a file cannot be read or parsed.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { MockError } from '../errors.js'
import { loadSeed } from '../seed/load-seed.js'
import { type PayloadKind, PAYLOAD_KINDS, validateOffline } from './offline.js'

const USAGE = 'usage: validate-files [--kind auto|account|v2-account|' +
  'process] [--seed <file>] [--quiet] <file>...\n' +
  'exit code: 0 all valid, 1 some refused, 2 unreadable file or bad usage\n'

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string', default: 'auto' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${USAGE}`)
  process.exit(2)
}
const { values, positionals } = parsed
if (values.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}

const kind = values.kind as PayloadKind | 'auto'
if (kind !== 'auto' && !PAYLOAD_KINDS.includes(kind)) {
  process.stderr.write(`--kind must be auto or one of ${PAYLOAD_KINDS
    .join(', ')}\n`)
  process.exit(2)
}
if (positionals.length === 0) {
  process.stderr.write(USAGE)
  process.exit(2)
}

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' })
const seed = loadSeed(values.seed ?? config.seedFile)
const app = await buildApp({ config, seed, logger: false })

let failed = 0
let unreadable = 0
for (const file of positionals) {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    unreadable++
    process.stdout.write(`${file}: cannot read: ${(err as Error).message}\n`)
    continue
  }
  const payloads = Array.isArray(parsed) ? parsed : [parsed]
  payloads.forEach((payload, index) => {
    const name = Array.isArray(parsed) ? `${file}[${index}]` : file
    const outcome = validateOffline(app, kind, payload)
    if (outcome.error === undefined) {
      if (!values.quiet) {
        const note = outcome.warnings.length === 0
          ? ''
          : ` (undocumented fields dropped: ${outcome.warnings.join(', ')})`
        process.stdout.write(`${name}: ok as ${outcome.kind}${note}\n`)
      }
      return
    }
    failed++
    const body = outcome.error instanceof MockError
      ? outcome.error.body
      : { detail: outcome.error.message }
    process.stdout.write(`${name}: refused as ${outcome.kind}\n` +
      JSON.stringify(body, null, 2) + '\n')
  })
}
await app.close()
process.exit(unreadable > 0 ? 2 : failed > 0 ? 1 : 0)
