import { accessSync, constants, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { type Config, ConfigError } from '../config.js'
import type { Seed } from '../seed/types.js'
import { createMemoryStore } from './memory-store.js'
import { createSqliteStore } from './sqlite-store.js'
import type { Store } from './types.js'

type StoreConfig = Pick<Config, 'dataDir'> &
  Partial<Pick<Config, 'persistJournal'>>

// Creates the directory if needed and proves it writable now, so a bad
// MOCK_DATA_DIR stops the start with its name rather than a SQLite code.
function prepareDataDir (dataDir: string): string {
  const dir = resolve(dataDir)
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.R_OK | constants.W_OK)
  } catch (err) {
    throw new ConfigError(`MOCK_DATA_DIR ${dir} is not a writable ` +
      `directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    { cause: err })
  }
  return dir
}

// The one place that chooses what backs the store: memory unless a data
// directory is configured.
export function createStore (config: StoreConfig, seed: Seed): Store {
  if (config.dataDir === undefined) return createMemoryStore(seed)
  return createSqliteStore(prepareDataDir(config.dataDir), seed,
    { persistJournal: config.persistJournal === true })
}
