import type { Fuel, Seed, SeedProduct } from '../../seed/types.js'

// Tariffs are looked up through the product that holds them, as Kraken
// keeps a product's tariffs per region and payment method.
export function productOfTariff (seed: Seed, tariffCode: unknown,
  fuel?: Fuel): SeedProduct | undefined {
  if (typeof tariffCode !== 'string') return undefined
  return productsOfTariff(seed).get(tariffCode)?.find(product =>
    fuel === undefined || product.fuel === fuel)
}

// The seed's products by tariff code, in seed order, built once per seed.
const tariffIndexes = new WeakMap<Seed, Map<string, SeedProduct[]>>()
function productsOfTariff (seed: Seed): Map<string, SeedProduct[]> {
  let index = tariffIndexes.get(seed)
  if (index === undefined) {
    index = new Map()
    for (const product of seed.products) {
      for (const code of product.tariffCodes) {
        const holders = index.get(code) ?? []
        holders.push(product)
        index.set(code, holders)
      }
    }
    tariffIndexes.set(seed, index)
  }
  return index
}

export function fuelOfComponent (component: string): Fuel {
  return component.startsWith('Gas') ? 'GAS' : 'ELECTRICITY'
}

// Consumption bands say how many rates a product charges: one for a
// single-rate tariff, two for Economy 7 and so on.
export function consumptionRates (product: SeedProduct): number {
  return product.rateBands.filter(band => band.startsWith('CONSUMPTION'))
    .length
}
