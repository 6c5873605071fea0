import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import {
  type Obj, fieldRule, finding, list, objectRule, text, underField
} from './data.js'
import { asDate, today } from './dates.js'
import { isActiveMeter, isHalfHourly } from './meter-points.js'
import {
  type MeterAt, type PointAt, isBillable, meterBilledTo, metersOf,
  pointsOf, registerOf, settlementRegisters
} from './supply.js'

// Account-level rules about readings: Kraken starts billing from one
// transfer reading per register (or gas meter) taken on the last billed to
// date, and bills nothing already billed again.

// Meters on the wall of points Kraken will bill, and in place by the last
// billed to date: a meter fitted later has no reading on that day.
function billedMeters (account: Obj, ctx: RuleContext,
  fuel: 'ELECTRICITY' | 'GAS'): Array<{ at: PointAt, m: MeterAt }> {
  const now = today(ctx)
  const billed = pointsOf(account)
    .filter(at => at.fuel === fuel && isBillable(at.point, now))
  return flatMap(billed, at => metersOf(at).map(m => ({ at, m })))
    .filter(({ at, m }) => isActiveMeter(m.meter) &&
      !installedAfter(m.meter, meterBilledTo(account, at, m.meter)))
}

function installedAfter (meter: Obj, day: string | undefined): boolean {
  const installed = asDate(meter.installed_on)
  return installed !== undefined && day !== undefined && installed > day
}

function checkRegisterTransfers (account: Obj,
  ctx: RuleContext): RuleFinding[] {
  return flatMap(billedMeters(account, ctx, 'ELECTRICITY'), ({ m }) =>
    flatMap(settlementRegisters(m.meter), ([register, index]) => {
      const id = text(register, 'register_id')
      const readings = list(m.meter.transfer_readings)
        .map((reading, position) => ({ reading, position }))
        .filter(({ reading }) => reading.register_id === id)
      if (readings.length === 0) {
        return [finding('missing_transfer_reading_for_register',
          `Register "${String(id)}" needs a transfer reading.`,
          `${m.path}.registers.${index}`)]
      }
      return readings.slice(1).map(({ position }) =>
        finding('multiple_transfer_readings_for_register',
          `Register "${String(id)}" already has a transfer reading.`,
          `${m.path}.transfer_readings.${position}`))
    }))
}

function checkGasTransfers (account: Obj, ctx: RuleContext): RuleFinding[] {
  const found = flatMap(billedMeters(account, ctx, 'GAS'), ({ m }) => {
    const count = list(m.meter.transfer_readings).length
    if (count === 0) {
      return [finding('active_gas_meter_without_transfer_reading',
        'A gas meter on supply needs a transfer reading.',
        `${m.path}.transfer_readings`)]
    }
    return count === 1
      ? []
      : [finding('active_gas_meter_with_multiple_transfer_readings',
          'A gas meter takes exactly one transfer reading.',
          `${m.path}.transfer_readings.1`)]
  })
  for (const at of pointsOf(account).filter(p => p.fuel === 'GAS')) {
    for (const m of metersOf(at)) {
      const removed = asDate(m.meter.removed_on)
      const billedTo = meterBilledTo(account, at, m.meter)
      if (removed === undefined || billedTo === undefined ||
        removed > billedTo) continue
      if (list(m.meter.transfer_readings).length === 0) continue
      found.push(finding('reading_meter_fully_billed',
        `The meter was removed on ${removed} and is billed to ` +
        `${billedTo}; it takes no transfer reading.`,
        `${m.path}.transfer_readings.0`))
    }
  }
  return found
}

function checkEacs (account: Obj, ctx: RuleContext): RuleFinding[] {
  const meters = billedMeters(account, ctx, 'ELECTRICITY')
    .filter(({ at }) => !isHalfHourly(at.point))
  return flatMap(meters, ({ at, m }) => {
    const tprs = new Set(list(at.point.eac_history).map(e => e.tpr))
    return flatMap(settlementRegisters(m.meter), ([register, index]) => {
      const tpr = text(register, 'tpr')
      if (tpr === undefined || tprs.has(tpr)) return []
      return [finding('missing_eacs_for_active_register_tpr',
        `eac_history has no EAC for TPR ${tpr}.`,
        `${m.path}.registers.${index}.tpr`)]
    })
  })
}

// The last billed to date a reading is judged against.
function readingBilledTo (account: Obj, at: PointAt, meter: Obj,
  reading: Obj): string | undefined {
  const register = at.fuel === 'GAS'
    ? undefined
    : registerOf(meter, reading.register_id)
  return meterBilledTo(account, at, meter, register)
}

function checkTransferDates (_value: unknown, account: Obj): RuleFinding[] {
  const found = flatMap(pointsOf(account), at => flatMap(metersOf(at), m => {
    if (installedAfter(m.meter, meterBilledTo(account, at, m.meter))) {
      return []
    }
    return flatMap(list(m.meter.transfer_readings), (reading, index) => {
      const billedTo = readingBilledTo(account, at, m.meter, reading)
      const date = asDate(reading.reading_date)
      if (billedTo === undefined || date === billedTo) return []
      return [finding('transfer_reading_dates_must_match_last_billed_to_date',
        `The transfer reading is on ${String(date)} but the last billed ` +
        `to date is ${billedTo}.`,
        `${m.path}.transfer_readings.${index}.reading_date`)]
    })
  }))
  return underField('supply_addresses', found)
}

function checkBilledReadings (_value: unknown, account: Obj): RuleFinding[] {
  const found = flatMap(pointsOf(account), at => flatMap(metersOf(at), m =>
    flatMap(list(m.meter.reading_history), (reading, index) => {
      if (reading.billed !== true) return []
      const billedTo = readingBilledTo(account, at, m.meter, reading)
      const date = asDate(reading.reading_date)
      if (billedTo === undefined || date === undefined || date <= billedTo) {
        return []
      }
      return [finding('billed_reading_after_last_billed_to_date',
        'The reading is marked billed but is after the last billed to ' +
        `date, ${billedTo}.`,
        `${m.path}.reading_history.${index}.reading_date`)]
    })))
  return underField('supply_addresses', found)
}

export const readingRules: Rule[] = [
  objectRule('EnergyAccount', ['missing_transfer_reading_for_register',
    'multiple_transfer_readings_for_register'], checkRegisterTransfers),
  objectRule('EnergyAccount',
    ['active_gas_meter_with_multiple_transfer_readings',
      'active_gas_meter_without_transfer_reading',
      'reading_meter_fully_billed'], checkGasTransfers),
  objectRule('EnergyAccount', ['missing_eacs_for_active_register_tpr'],
    checkEacs),
  fieldRule('EnergyAccount', 'supply_addresses',
    ['transfer_reading_dates_must_match_last_billed_to_date'],
    checkTransferDates),
  fieldRule('EnergyAccount', 'supply_addresses',
    ['billed_reading_after_last_billed_to_date'], checkBilledReadings)
]
