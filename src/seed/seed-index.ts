import type { Fuel, Seed } from './types.js'

// Lookups over the seed's longer lists (hundreds of campaigns, dozens of
// PSR needs), which field validation and the rules consult for every
// payload. Built once per seed: the seed does not change while the mock
// runs.
export interface SeedIndex {
  campaignNames: ReadonlySet<string>
  campaignSlugs: ReadonlySet<string>
  // PSR needs as `${fuel} ${code}`: every one, and the temporary ones.
  psrNeeds: ReadonlySet<string>
  temporaryPsrNeeds: ReadonlySet<string>
  // PSR need descriptions, lower case.
  psrDescriptions: ReadonlySet<string>
}

export function psrNeedKey (fuel: Fuel, code: string): string {
  return `${fuel} ${code}`
}

const indexes = new WeakMap<Seed, SeedIndex>()

export function seedIndex (seed: Seed): SeedIndex {
  let index = indexes.get(seed)
  if (index === undefined) {
    const needs = seed.psrIndustryCodes
    index = {
      campaignNames: new Set(seed.campaigns.map(c => c.name)),
      campaignSlugs: new Set(seed.campaigns.map(c => c.slug)),
      psrNeeds: new Set(needs.map(n => psrNeedKey(n.fuel, n.code))),
      temporaryPsrNeeds: new Set(needs.filter(n => n.temporary)
        .map(n => psrNeedKey(n.fuel, n.code))),
      psrDescriptions: new Set(needs.map(n => n.description.toLowerCase()))
    }
    indexes.set(seed, index)
  }
  return index
}
