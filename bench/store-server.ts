import { buildApp, warmUp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { loadSeed } from '../src/seed/load-seed.js'
import { applySeedOverrides } from '../src/seed/overrides.js'

// The mock as server.ts builds it, plus one bench-only route that fills its
// store directly: staging a cohort of 100,000 over HTTP spends minutes in
// validation, which the journey scenario measures already. The first
// account goes through the real staging path; the rest store exactly what
// it stored, under their own external account numbers.

interface StageBody { count: number, prefix: string, account: unknown }

const config = loadConfig()
const seed = applySeedOverrides(loadSeed(config.seedFile), config)
const app = await buildApp({ config, seed })

app.post<{ Body: StageBody }>('/_bench/stage', async (request) => {
  const { count, prefix, account } = request.body
  const first = `${prefix}-1`
  app.accounts.stageAccount({
    ...(account as object), external_account_number: first
  })
  const supplier = (account as { import_supplier: string }).import_supplier
  const stored = app.store.findImportProcess(supplier, first)
  if (stored === undefined) throw new Error('the first account was not staged')
  const [head, tail] = stored.payloadJson.split(JSON.stringify(first))
  const started = process.hrtime.bigint()
  for (let i = 2; i <= count; i++) {
    const ext = `${prefix}-${i}`
    app.store.stageImportProcess(supplier, ext,
      `${head ?? ''}${JSON.stringify(ext)}${tail ?? ''}`, stored.stagedAt)
    // Let the server answer (readiness, signals) between batches.
    if (i % 1000 === 0) await new Promise(resolve => setImmediate(resolve))
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  return { staged: count, ms }
})

await app.listen({ port: config.port, host: config.host })
warmUp(app)
process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0), () => process.exit(1))
})
