import t from 'tap'
import type { Seed, SeedAgentContract } from '../../../src/seed/types.js'
import { defaultSeed } from '../../helpers/app.js'
import {
  ELEC, elec, exampleAccount, supplyApp, validate
} from './helpers.js'

// The seed with the example's supplier's import settings changed.
function withSettings (settings: Partial<Seed['importSuppliers'][number]>):
Seed {
  const seed = structuredClone(defaultSeed)
  const supplier = seed.importSuppliers
    .find(s => s.code === 'TENTACLE_ENERGY')
  if (supplier === undefined) throw new Error('TENTACLE_ENERGY not seeded')
  Object.assign(supplier, settings)
  return seed
}

t.test('supply addresses are refused when property creation is skipped',
  async t => {
    const app = await supplyApp(t,
      { seed: withSettings({ skipPropertyCreation: true }) })
    t.same((await validate(app, exampleAccount())).problems, [{
      code: 'supply_addresses_provided_while_skip_property_creation_enabled',
      attr: 'supply_addresses'
    }])
  })

t.test('meter points are refused when supply point creation is skipped',
  async t => {
    const app = await supplyApp(t,
      { seed: withSettings({ skipSupplyPointCreation: true }) })
    t.same((await validate(app, exampleAccount())).problems, [{
      code: 'supply_points_provided_while_skip_supply_point_creation_enabled',
      attr: 'supply_addresses.0.meter_points'
    }])
  })

t.test('an address without meter points is refused otherwise', async t => {
  const app = await supplyApp(t)
  const account = exampleAccount()
  account.supply_addresses[0].meter_points = []
  t.same((await validate(app, account)).problems, [{
    code: 'supply_points_not_provided_while_skip_supply_point_creation_' +
      'disabled',
    attr: 'supply_addresses.0.meter_points'
  }])
})

const contract: SeedAgentContract = {
  role: 'DATA_COLLECTOR',
  mpid: 'UDMS',
  contractReference: 'DC-001',
  serviceReference: 'NC1',
  serviceLevelReference: 'L1'
}

// Two contracts with the same agent and contract reference, told apart by
// their service references.
const agentSeed: Seed = {
  ...defaultSeed,
  marketParticipants: [...defaultSeed.marketParticipants,
    { mpid: 'UDMS', fuel: 'ELECTRICITY', role: 'DATA_COLLECTOR' }],
  agentContracts: [contract, { ...contract, serviceReference: 'NC2' }]
}

const agentApp = await supplyApp(t, { seed: agentSeed })

t.test('an agent contract named by all its references is accepted',
  async t => {
    const account = exampleAccount()
    elec(account).agents = {
      dc_contract: {
        agent_mpid: 'UDMS',
        contract_reference: 'DC-001',
        service_reference: 'NC2',
        service_level_reference: 'L1'
      }
    }
    t.same((await validate(agentApp, account)).problems, [])
  })

t.test('an agent contract Kraken does not hold is refused', async t => {
  const account = exampleAccount()
  elec(account).agents = {
    dc_contract: { agent_mpid: 'UDMS', contract_reference: 'DC-999' }
  }
  t.same((await validate(agentApp, account)).problems, [{
    code: 'agent_contract_reference_does_not_exist',
    attr: `${ELEC}.agents.dc_contract`
  }])
})

t.test('references that match two agent contracts are refused',
  async t => {
    const account = exampleAccount()
    elec(account).agents = {
      dc_contract: { agent_mpid: 'UDMS', contract_reference: 'DC-001' }
    }
    t.same((await validate(agentApp, account)).problems, [{
      code: 'multiple_active_agent_contract_references',
      attr: `${ELEC}.agents.dc_contract`
    }])
  })
