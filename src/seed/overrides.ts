import type { Config } from '../config.js'
import type { Seed } from './types.js'

// MOCK_API_KEY and MOCK_ORGANISATION_SECRET_KEY replace the seed's
// well-known test credentials, so a shared instance need not use them.
export function applySeedOverrides (seed: Seed,
  config: Pick<Config, 'apiKey' | 'secretKey'>): Seed {
  return {
    ...seed,
    organisation: {
      ...seed.organisation,
      apiKey: config.apiKey ?? seed.organisation.apiKey,
      secretKey: config.secretKey ?? seed.organisation.secretKey
    }
  }
}
