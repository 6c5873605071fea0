import type { Config } from '../config.js'
import type { Seed } from '../seed/types.js'
import { createMemoryStore } from './memory-store.js'
import type { Store } from './types.js'

// The one place that chooses what backs the store.
export function createStore (config: Pick<Config, 'dataDir'>,
  seed: Seed): Store {
  if (config.dataDir !== undefined) {
    throw new Error('MOCK_DATA_DIR is set, but this build keeps state in ' +
      'memory only')
  }
  return createMemoryStore(seed)
}
