import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { supplyRules } from '../../../src/rules/supply/index.js'
import type { Seed, SeedProduct } from '../../../src/seed/types.js'
import {
  type TestAppOptions, buildTestApp, defaultSeed
} from '../../helpers/app.js'
import { exampleAccount } from '../../helpers/contract.js'

// Shared by the supply rule tests: the contract's account example, ways to
// reach its parts, and a call that reports only what the rules found.

const V1 = '/v1/data-import/validate-account/'
const headers = { authorization: 'Token test-api-key' }

export interface Problem { code: string, attr: string }

export interface Validation {
  status: number
  // Read from a 400 reply only, so a list that is not empty also says the
  // request was refused. Only the codes the supply rules give: account
  // rules are tested with the account rules, and some of them compare the
  // example's old dates with today.
  problems: Problem[]
}

const SUPPLY_CODES = new Set(supplyRules.flatMap(rule => rule.codes))

export type Account = Record<string, any>

export async function supplyApp (t: Test,
  options: TestAppOptions = {}): Promise<FastifyInstance> {
  return await buildTestApp(t, options)
}

export async function validate (app: FastifyInstance,
  account: Account): Promise<Validation> {
  const res = await app.inject({
    method: 'POST', url: V1, headers, payload: account
  })
  const body = res.json()
  const errors: Problem[] = res.statusCode === 400 ? body.errors : []
  return {
    status: res.statusCode,
    problems: errors.filter(({ code }) => SUPPLY_CODES.has(code))
      .map(({ code, attr }) => ({ code, attr }))
  }
}

export { exampleAccount }

export const ELEC = 'supply_addresses.0.meter_points.0'
export const GAS = 'supply_addresses.0.meter_points.1'

// The example's electricity and gas meter points and their one meter each.
export const elec = (account: Account): Account =>
  account.supply_addresses[0].meter_points[0]
export const gas = (account: Account): Account =>
  account.supply_addresses[0].meter_points[1]
export const elecMeter = (account: Account): Account =>
  elec(account).meters[0]
export const gasMeter = (account: Account): Account => gas(account).meters[0]

// The findings of one code, for changes that cannot avoid tripping a
// second rule (an agreement that ends before it starts also leaves the
// last billed to date uncovered).
export function only (result: Validation, code: string): Problem[] {
  return result.problems.filter(problem => problem.code === code)
}

// A copy of the default seed with the example's electricity product
// changed, for rules that compare agreements with product details.
export function withElecProduct (change: Partial<SeedProduct>): Seed {
  const seed = structuredClone(defaultSeed)
  const product = seed.products.find(p => p.code === 'ELEC-1234')
  if (product === undefined) throw new Error('ELEC-1234 is not seeded')
  Object.assign(product, change)
  return seed
}
