import type { Fuel } from '../../seed/types.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { fieldRule } from './data.js'

// Reference data Kraken holds from the industry: market participant ids
// (suppliers, shippers, agents) and time pattern regimes. The mock reads
// both from the seed.

function participantCheck (fuel: Fuel) {
  return (value: unknown, _owner: unknown,
    ctx: RuleContext): RuleFinding[] => {
    if (typeof value !== 'string' || value === '') return []
    const known = ctx.seed.marketParticipants
      .some(p => p.mpid === value && p.fuel === fuel)
    if (known) return []
    return [{
      code: 'market_participant_not_found',
      detail: `No ${fuel.toLowerCase()} market participant "${value}" ` +
        'exists.'
    }]
  }
}

const PARTICIPANT_FIELDS: Array<[string, string, Fuel]> = [
  ['ElectricityMeterPoint', 'mpid', 'ELECTRICITY'],
  ['ElectricityMeterPoint', 'dc_to_appoint', 'ELECTRICITY'],
  ['ElectricityMeterPoint', 'mop_to_appoint', 'ELECTRICITY'],
  ['ElectricityAgentContractReference', 'agent_mpid', 'ELECTRICITY'],
  ['GasMeterPoint', 'mpid', 'GAS'],
  ['GasMeterPoint', 'shipper_mpid', 'GAS'],
  ['GasMeterPoint', 'mam_to_appoint', 'GAS']
]

function checkTpr (value: unknown, _owner: unknown,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  if (ctx.seed.timePatternRegimes.includes(value)) return []
  return [{
    code: 'tpr_not_found',
    detail: `Time pattern regime "${value}" is not in Market Domain Data.`
  }]
}

export const participantRules: Rule[] = [
  ...PARTICIPANT_FIELDS.map(([component, field, fuel]) =>
    fieldRule(component, field,
      ['market_participant_not_found'],
      participantCheck(fuel))),
  fieldRule('ElectricityRegister', 'tpr', ['tpr_not_found'], checkTpr)
]
