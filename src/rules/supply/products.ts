import type { Fuel, Seed, SeedProduct } from '../../seed/types.js'

// Tariffs are looked up through the product that holds them, as Kraken
// keeps a product's tariffs per region and payment method.
export function productOfTariff (seed: Seed, tariffCode: unknown,
  fuel?: Fuel): SeedProduct | undefined {
  if (typeof tariffCode !== 'string') return undefined
  return seed.products.find(product =>
    (fuel === undefined || product.fuel === fuel) &&
    product.tariffCodes.includes(tariffCode))
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
