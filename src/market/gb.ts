import { fromRoot } from '../lib/paths.js'

// Everything that differs between Kraken instances lives in a market file.
export interface Market {
  id: string
  timezone: string
  schemasDir: string
}

export const gb: Market = {
  id: 'gb',
  timezone: 'Europe/London',
  schemasDir: fromRoot('schemas', 'gb')
}

export const markets: Record<string, Market> = { gb }
