import closeWithGrace from 'close-with-grace'
import { buildApp, warmUp } from './app.js'
import { ConfigError, loadConfig } from './config.js'
import { loadSeed, SeedError } from './seed/load-seed.js'
import { applySeedOverrides } from './seed/overrides.js'

// Process entry: read configuration, load the seed, listen, close gracefully.
// A configuration, seed or data-directory problem stops the process with a
// one-line message rather than a stack trace.
function stopOnSetupError (err: unknown): never {
  if (err instanceof ConfigError || err instanceof SeedError) {
    process.stderr.write(`kraken-data-import-mock: ${err.message}\n`)
    process.exit(1)
  }
  throw err
}

async function main (): Promise<void> {
  let app
  let config
  try {
    config = loadConfig()
    const seed = applySeedOverrides(loadSeed(config.seedFile), config)
    app = await buildApp({ config, seed })
  } catch (err) {
    stopOnSetupError(err)
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'closing after an error')
    else app.log.info({ signal }, 'closing')
    await app.close()
  })

  await app.listen({ port: config.port, host: config.host })
  if (config.jwtSecretIsRandom) {
    app.log.info('MOCK_JWT_SECRET not set: tokens last until this process ends')
  }
  warmUp(app)
  app.log.info({ seedFile: config.seedFile, market: config.market }, 'ready')
}

await main()
