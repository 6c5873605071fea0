import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, finding, list, objectRule, text } from './data.js'
import { asDate, today } from './dates.js'
import { isActiveMeter } from './meter-points.js'
import { hasReadingOn, isBillable, pointsOf } from './supply.js'

// Account-level rules about whether each meter point is on supply, and
// what a point on supply must come with.

// A future end date is a loss in progress, which cannot be migrated.
function checkSupplyEnds (account: Obj, ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  return flatMap(pointsOf(account), at => {
    const end = asDate(at.point.supply_end_date)
    if (end === undefined || end <= now) return []
    return [finding('future_supply_end_date',
      `Supply ends on ${end}, after today (${now}).`,
      `${at.path}.supply_end_date`)]
  })
}

function checkSupplyStarts (account: Obj, ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  return flatMap(pointsOf(account), at => {
    const start = asDate(at.point.supply_start_date)
    if (start === undefined || start <= now) return []
    if (!isBillable(at.point, now)) return []
    return [finding('future_supply_start_date',
      `Supply starts on ${start}, after today (${now}).`,
      `${at.path}.supply_start_date`)]
  })
}

// Only points already off supply: a future end has no final reading yet.
function checkFinalReadings (account: Obj, ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  return flatMap(pointsOf(account), at => {
    const end = asDate(at.point.supply_end_date)
    const meters = list(at.point.meters)
    if (end === undefined || end > now || meters.length === 0) return []
    if (meters.some(meter => hasReadingOn(meter, end))) return []
    return [finding('no_reading_on_supply_end_date',
      `A meter needs a final reading on the supply end date, ${end}.`,
      `${at.path}.supply_end_date`)]
  })
}

// Unmetered supplies (measurement classes B and D) have no meters.
const UNMETERED = new Set(['B', 'D'])

function checkMetersPresent (account: Obj, ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  return flatMap(pointsOf(account), at => {
    if (!isBillable(at.point, now)) return []
    if (list(at.point.meters).some(isActiveMeter)) return []
    const measurementClass = text(at.point, 'measurement_class')
    if (measurementClass !== undefined && UNMETERED.has(measurementClass)) {
      return []
    }
    return [finding('meter_point_with_no_meters', 'A meter point on ' +
      'supply needs a meter that has not been removed.', `${at.path}.meters`)]
  })
}

function checkSomethingOnSupply (account: Obj,
  ctx: RuleContext): RuleFinding[] {
  const points = pointsOf(account)
  const now = today(ctx)
  if (points.length === 0 ||
    points.some(at => isBillable(at.point, now))) return []
  return [finding('no_supply_point_on_supply',
    'Every meter point has left supply; Kraken would have nothing to bill.')]
}

// Gas is billed on the annual quantity in force, so a point on supply
// needs one for today or later.
function checkCurrentAq (account: Obj, ctx: RuleContext): RuleFinding[] {
  const now = today(ctx)
  return flatMap(pointsOf(account), at => {
    if (at.fuel !== 'GAS' || !isBillable(at.point, now)) return []
    const current = list(at.point.aq_history).some(entry => {
      const to = asDate(entry.effective_to)
      return to === undefined || to >= now
    })
    if (current) return []
    return [finding('no_current_or_future_aq_entry_found',
      `No annual quantity applies on or after ${now}.`,
      `${at.path}.aq_history`)]
  })
}

export const supplyPointRules: Rule[] = [
  objectRule('EnergyAccount', ['future_supply_end_date'], checkSupplyEnds),
  objectRule('EnergyAccount', ['future_supply_start_date'],
    checkSupplyStarts),
  objectRule('EnergyAccount', ['no_reading_on_supply_end_date'],
    checkFinalReadings),
  objectRule('EnergyAccount', ['meter_point_with_no_meters'],
    checkMetersPresent),
  objectRule('EnergyAccount', ['no_supply_point_on_supply'],
    checkSomethingOnSupply),
  objectRule('EnergyAccount', ['no_current_or_future_aq_entry_found'],
    checkCurrentAq)
]
