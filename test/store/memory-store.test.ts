import { createMemoryStore } from '../../src/store/memory-store.js'
import { runStoreSuite } from './store-suite.js'

runStoreSuite((t, seed) => {
  const store = createMemoryStore(seed)
  t.teardown(() => store.close())
  return store
})
