import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { buildApp, warmUp } from '../../src/app.js'
import { type Clock, createClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { fromRoot } from '../../src/lib/paths.js'
import { loadSeed } from '../../src/seed/load-seed.js'
import type { Seed } from '../../src/seed/types.js'

export const defaultSeed: Seed = loadSeed(fromRoot('seed', 'default.json'))

export interface TestAppOptions {
  env?: Record<string, string>
  seed?: Seed
  clock?: Clock
}

// Builds the mock for one test and closes it when the test ends.
export async function buildTestApp (t: Test,
  options: TestAppOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    config: loadConfig({ MOCK_JWT_SECRET: 'test-secret-0123456789', ...options.env }),
    seed: options.seed ?? defaultSeed,
    clock: options.clock ?? createClock(),
    logger: false
  })
  warmUp(app)
  t.teardown(() => app.close())
  return app
}

// A token for the seeded API key, obtained the way a client would.
export async function obtainToken (app: FastifyInstance,
  apiKey = 'test-api-key'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/graphql/',
    payload: {
      query: 'mutation ($key: String!) { obtainKrakenToken(input: ' +
        '{ APIKey: $key }) { token } }',
      variables: { key: apiKey }
    }
  })
  const token = res.json().data?.obtainKrakenToken?.token
  if (typeof token !== 'string') throw new Error(`no token: ${res.body}`)
  return token
}
