import { seedIndex } from '../seed/seed-index.js'
import type { Seed } from '../seed/types.js'
import type { ReferenceLookup } from './keywords.js'

// Answers the x-reference keyword from the seed: the values that the
// contract lists as one Kraken instance's own records.
export function referenceLookup (seed: Seed): ReferenceLookup {
  const index = seedIndex(seed)
  const sets = {
    importSupplier: new Set(seed.importSuppliers.map(s => s.code)),
    campaignName: index.campaignNames,
    campaignSlug: index.campaignSlugs
  }
  return (kind, value) => sets[kind].has(value)
}
