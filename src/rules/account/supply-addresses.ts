import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  date, nestedFieldRule, found, given, list, type Obj,
  sendsRegistrationFlows, today
} from './support.js'

// Rules the contract attaches to an account's list of supply addresses.

function addressPoints (value: unknown): Obj[] {
  return flatMap(list(value), address => list(address.meter_points))
}

function checkLoss (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  const losing = addressPoints(value).find(point => {
    const end = date(point, 'supply_end_date')
    return end !== undefined && end > now
  })
  if (losing === undefined) return []
  return [found('loss_in_progress',
    `The supply point ${String(losing.identifier)} has a future ` +
    'supply_end_date: a loss is in progress.')]
}

const AGENT_FIELDS = ['da_to_appoint', 'dc_to_appoint', 'mop_to_appoint',
  'mam_to_appoint']

function checkAgents (value: unknown, account: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (sendsRegistrationFlows(account, ctx)) return []
  const point = addressPoints(value).find(candidate =>
    AGENT_FIELDS.some(field => given(candidate, field)))
  if (point === undefined) return []
  return [found('agents_supplied_for_non_on_market_switch',
    'This import supplier sends no registration flows, so agents to ' +
    `appoint cannot be given (supply point ${String(point.identifier)}).`)]
}

export const supplyAddressRules: Rule[] = [
  nestedFieldRule('EnergyAccount', 'supply_addresses', ['loss_in_progress'],
    checkLoss),
  nestedFieldRule('EnergyAccount', 'supply_addresses',
    ['agents_supplied_for_non_on_market_switch'], checkAgents)
]
