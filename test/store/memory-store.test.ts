import { test } from 'tap'
import {
  createMemoryStore, MAX_REFRESH_TOKENS
} from '../../src/store/memory-store.js'
import { defaultSeed } from '../helpers/app.js'
import { runStoreSuite } from './store-suite.js'

runStoreSuite((t, seed) => {
  const store = createMemoryStore(seed)
  t.teardown(() => store.close())
  return store
})

test('the memory store keeps at most 10,000 refresh tokens', async t => {
  const store = createMemoryStore(defaultSeed)
  for (let i = 0; i <= MAX_REFRESH_TOKENS; i++) {
    store.saveRefreshToken({
      token: `t${i}`, subject: 's', grantType: 'API-KEY', expiresAt: 1, origIat: 1
    })
  }
  t.equal(MAX_REFRESH_TOKENS, 10_000)
  t.equal(store.findRefreshToken('t0'), undefined)
  t.equal(store.findRefreshToken(`t${MAX_REFRESH_TOKENS}`)?.token,
    `t${MAX_REFRESH_TOKENS}`)
  t.equal(store.exportState().refreshTokens.length, MAX_REFRESH_TOKENS)
})
