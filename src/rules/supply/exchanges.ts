import { flatMap } from '../readers.js'
import type { Rule, RuleFinding } from '../types.js'
import {
  type Obj, fieldRule, finding, isObj, list, objectRule, text, underField
} from './data.js'
import { addDays, asDate } from './dates.js'
import {
  type MeterAt, type PointAt, meterBilledTo, metersOf, pointBilledTo,
  pointsOf, settlementRegisters
} from './supply.js'

// Meter exchanges inside the period Kraken will bill, and prepay meters'
// balances, which are handed over as of the last billed to date.

interface Exchange { old: MeterAt, removed: string, fitted: MeterAt[] }

// A meter removed after the last billed to date, with another fitted on
// the same point from that day: Kraken bills the old one up to removal.
function exchangesOf (account: Obj, at: PointAt): Exchange[] {
  const billedTo = pointBilledTo(account, at.point)
  const meters = metersOf(at)
  return flatMap(meters, old => {
    const removed = asDate(old.meter.removed_on)
    if (removed === undefined) return []
    if (billedTo !== undefined && removed <= billedTo) return []
    const fitted = meters.filter(m => m !== old &&
      (asDate(m.meter.installed_on) ?? '') >= removed)
    return fitted.length === 0 ? [] : [{ old, removed, fitted }]
  })
}

function checkExchangeReadings (_value: unknown, account: Obj):
RuleFinding[] {
  const found = flatMap(pointsOf(account), at =>
    flatMap(exchangesOf(account, at), ({ old, removed }) => {
      const readings = [...list(old.meter.transfer_readings),
        ...list(old.meter.reading_history)]
      const problems: RuleFinding[] = []
      if (!readings.some(reading => reading.reading_date === removed)) {
        problems.push(finding('no_reading_on_removed_on',
          `The exchanged meter needs a reading on its removal, ${removed}.`,
          `${old.path}.removed_on`))
      }
      if (list(old.meter.transfer_readings).length === 0) {
        problems.push(finding('no_transfer_reading_on_exchanged_meter',
          'The exchanged meter needs a transfer reading.',
          `${old.path}.transfer_readings`))
      }
      return problems
    }))
  return underField('supply_addresses', found)
}

// Where a meter's own last billed to date lives: on a gas meter, or on
// each settlement register of an electricity meter.
function ownBilledTo (at: PointAt, m: MeterAt):
Array<{ at: string, date: string | undefined }> {
  if (at.fuel === 'GAS') {
    return [{
      at: `${m.path}.last_billed_to_date`,
      date: asDate(m.meter.last_billed_to_date)
    }]
  }
  return settlementRegisters(m.meter).map(([register, index]) => ({
    at: `${m.path}.registers.${index}.last_billed_to_date`,
    date: asDate(register.last_billed_to_date)
  }))
}

function checkExchangeBilledTo (_value: unknown, account: Obj):
RuleFinding[] {
  const found = flatMap(pointsOf(account), at =>
    flatMap(exchangesOf(account, at), ({ old, fitted }) => [
      ...ownBilledTo(at, old).filter(place => place.date === undefined)
        .map(place => finding('no_last_billed_to_date_on_exchanged_meter',
          'An exchanged meter needs its own last billed to date.',
          place.at)),
      ...flatMap(fitted, m => ownBilledTo(at, m))
        .filter(place => place.date !== undefined)
        .map(place => finding('last_billed_to_date_on_new_meter',
          'A meter fitted in an exchange has not been billed yet.',
          place.at))
    ]))
  return underField('supply_addresses', found)
}

// The vend read is taken at the end of the last billed day or on it.
function checkPrepayHandover (account: Obj): RuleFinding[] {
  return flatMap(pointsOf(account), at => flatMap(metersOf(at), m => {
    const details = m.meter.prepay_details
    if (!isObj(details)) return []
    const first = settlementRegisters(m.meter)[0]?.[0]
    const billedTo = meterBilledTo(account, at, m.meter, first)
    if (billedTo === undefined) return []
    const removed = asDate(m.meter.removed_on)
    if (removed !== undefined && removed <= billedTo) {
      return [finding('prepay_details_on_fully_billed_meter',
        `The meter was removed on ${removed} and is billed to ` +
        `${billedTo}; it has no balance to hand over.`,
        `${m.path}.prepay_details`)]
    }
    const vend = asDate(details.transfer_vend_read_date)
    if (vend === undefined || vend === billedTo ||
      vend === addDays(billedTo, -1)) return []
    return [finding('transfer_vend_read_date_must_match_last_billed_to_date',
      `The vend read is on ${vend} but the last billed to date is ` +
      `${billedTo}.`, `${m.path}.prepay_details.transfer_vend_read_date`)]
  }))
}

const TRANSACTION_LISTS = ['current_statement_transactions',
  'historical_statement_transactions']

// A transaction sent to a prepay meter needs that meter in the payload,
// with prepay details to put the credit or debt on.
function checkPrepayTargets (account: Obj): RuleFinding[] {
  const prepaySerials = new Set(flatMap(pointsOf(account), at =>
    metersOf(at).filter(m => isObj(m.meter.prepay_details))
      .map(m => m.meter.meter_serial_number)))
  return flatMap(TRANSACTION_LISTS, field =>
    flatMap(list(account[field]), (transaction, index) => {
      const serial = text(transaction, 'to_prepay_meter_serial_number')
      if (serial === undefined || prepaySerials.has(serial)) return []
      return [finding('transactions_target_non_initialised_prepay_meter',
        `No meter with serial "${serial}" has prepay details.`,
        `${field}.${index}.to_prepay_meter_serial_number`)]
    }))
}

export const exchangeRules: Rule[] = [
  fieldRule('EnergyAccount', 'supply_addresses',
    ['no_reading_on_removed_on', 'no_transfer_reading_on_exchanged_meter'],
    checkExchangeReadings),
  fieldRule('EnergyAccount', 'supply_addresses',
    ['last_billed_to_date_on_new_meter',
      'no_last_billed_to_date_on_exchanged_meter'],
    checkExchangeBilledTo),
  objectRule('EnergyAccount', ['prepay_details_on_fully_billed_meter',
    'transfer_vend_read_date_must_match_last_billed_to_date'],
  checkPrepayHandover),
  objectRule('EnergyAccount',
    ['transactions_target_non_initialised_prepay_meter'], checkPrepayTargets)
]
