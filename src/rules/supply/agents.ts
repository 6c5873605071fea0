import { flatMap } from '../readers.js'
import type { AgentRole } from '../../seed/types.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, finding, isObj, objectRule, text } from './data.js'

// An electricity meter point's agents are named by their contract with
// the supplier; Kraken finds the contract from the references given.

const SLOTS: Array<[string, AgentRole]> = [
  ['dc_contract', 'DATA_COLLECTOR'],
  ['da_contract', 'DATA_AGGREGATOR'],
  ['mop_contract', 'METER_OPERATOR']
]

const REFERENCES: Array<[string, 'contractReference' | 'serviceReference' |
'serviceLevelReference']> = [
  ['contract_reference', 'contractReference'],
  ['service_reference', 'serviceReference'],
  ['service_level_reference', 'serviceLevelReference']
]

function checkContracts (point: Obj, ctx: RuleContext): RuleFinding[] {
  const agents = point.agents
  if (!isObj(agents)) return []
  return flatMap(SLOTS, ([slot, role]) => {
    const reference = agents[slot]
    if (!isObj(reference)) return []
    const given = REFERENCES.filter(([field]) =>
      text(reference, field) !== undefined)
    if (given.length === 0) return []
    const mpid = text(reference, 'agent_mpid')
    const matches = ctx.seed.agentContracts.filter(contract =>
      contract.role === role &&
      (mpid === undefined || contract.mpid === mpid) &&
      given.every(([field, key]) => contract[key] === reference[field]))
    if (matches.length === 1) return []
    return [matches.length === 0
      ? finding('agent_contract_reference_does_not_exist',
        `No ${role.toLowerCase().replace('_', ' ')} contract has these ` +
        'references.', `agents.${slot}`)
      : finding('multiple_active_agent_contract_references',
        `${matches.length} contracts match these references; give more of ` +
        'them.', `agents.${slot}`)]
  })
}

export const agentRules: Rule[] = [
  objectRule('ElectricityMeterPoint',
    ['agent_contract_reference_does_not_exist',
      'multiple_active_agent_contract_references'], checkContracts)
]
