import { compareText, flatMap } from '../readers.js'
import type { Rule, RuleFinding } from '../types.js'
import {
  type Obj, fieldRule, finding, isObj, list, objectRule, text
} from './data.js'
import { addDays, asDate } from './dates.js'

// Rules about one meter point and the meters on it.

const HALF_HOURLY_CLASSES = new Set(['C', 'D', 'E', 'F', 'G'])

// Half-hourly points settle on half-hourly data, not on TPR registers.
export function isHalfHourly (point: Obj): boolean {
  const measurementClass = text(point, 'measurement_class')
  if (measurementClass !== undefined) {
    return HALF_HOURLY_CLASSES.has(measurementClass)
  }
  return point.profile_class === 0
}

export function isActiveMeter (meter: Obj): boolean {
  return asDate(meter.removed_on) === undefined
}

function checkAgreementStarts (point: Obj): RuleFinding[] {
  const start = asDate(point.supply_start_date)
  if (start === undefined) return []
  return flatMap(list(point.agreements), (agreement, index) => {
    const from = asDate(agreement.effective_from)
    if (from === undefined || from >= start) return []
    return [finding('agreement_start_date_before_supply_start_date',
      `The agreement starts on ${from}, before supply starts on ${start}.`,
      `agreements.${index}.effective_from`)]
  })
}

// Meters may share a serial only as a dummy meter exchange: the same
// meter removed and put back the next day.
function checkSharedSerials (point: Obj): RuleFinding[] {
  const bySerial = new Map<string, Array<{ meter: Obj, index: number }>>()
  list(point.meters).forEach((meter, index) => {
    const serial = text(meter, 'meter_serial_number')
    if (serial === undefined) return
    bySerial.set(serial, [...bySerial.get(serial) ?? [], { meter, index }])
  })
  const found: RuleFinding[] = []
  for (const [serial, meters] of bySerial) {
    const ordered = [...meters].sort((a, b) =>
      compareText(String(a.meter.installed_on ?? ''),
        String(b.meter.installed_on ?? '')))
    ordered.forEach(({ meter, index }, position) => {
      const before = ordered[position - 1]?.meter
      if (before === undefined) return
      const removed = asDate(before.removed_on)
      if (removed !== undefined &&
        asDate(meter.installed_on) === addDays(removed, 1)) return
      found.push(finding('multiple_non_dmex_meters_with_serial_number',
        `Another meter has serial "${serial}"; a repeated serial must be ` +
        'installed the day after the earlier meter was removed.',
        `meters.${index}.meter_serial_number`))
    })
  }
  return found
}

function checkActiveRegisters (point: Obj): RuleFinding[] {
  const halfHourly = isHalfHourly(point)
  return flatMap(list(point.meters), (meter, index) => {
    if (!isActiveMeter(meter)) return []
    const registers = list(meter.registers)
    if (registers.length === 0) {
      return [finding('registers_missing_for_active_electricity_meter',
        'A meter that is not removed needs at least one register.',
        `meters.${index}.registers`)]
    }
    if (halfHourly) return []
    return flatMap(registers, (register, position) =>
      text(register, 'tpr') !== undefined
        ? []
        : [finding('registers_missing_for_active_electricity_meter',
            'Registers of a non half-hourly meter point need a TPR.',
            `meters.${index}.registers.${position}.tpr`)])
  })
}

function checkAppointments (point: Obj): RuleFinding[] {
  const named = ['dc_to_appoint', 'mop_to_appoint']
    .filter(field => text(point, field) !== undefined)
  if (!isObj(point.agents) || named.length === 0) return []
  return [finding('agents_and_mpids_to_appoint_provided',
    `Give either agents or ${named.join(' and ')}, not both.`, 'agents')]
}

function refuseFlag (code: string, detail: string) {
  return (value: unknown): RuleFinding[] =>
    value === true ? [finding(code, detail)] : []
}

function checkRepeatedEacs (value: unknown): RuleFinding[] {
  const seen = new Set<string>()
  return flatMap(list(value), (eac, index) => {
    const key = `${String(eac.tpr)} ${String(eac.effective_from)}`
    if (!seen.has(key)) {
      seen.add(key)
      return []
    }
    return [finding('repeated_eac_for_tpr',
      `TPR ${String(eac.tpr)} already has an EAC from ` +
      `${String(eac.effective_from)}.`, `${index}.effective_from`)]
  })
}

function checkRegisterIds (value: unknown): RuleFinding[] {
  return flatMap(list(value), (meter, index) => {
    const seen = new Set<string>()
    return flatMap(list(meter.registers), (register, position) => {
      const id = text(register, 'register_id')
      if (id === undefined) return []
      if (!seen.has(id)) {
        seen.add(id)
        return []
      }
      return [finding('meter_with_duplicate_register_ids',
        `The meter already has a register "${id}".`,
        `${index}.registers.${position}.register_id`)]
    })
  })
}

function checkDuplicatePoints (value: unknown): RuleFinding[] {
  const seen = new Set<string>()
  return flatMap(list(value), (point, index) => {
    const id = text(point, 'identifier')
    if (id === undefined) return []
    if (!seen.has(id)) {
      seen.add(id)
      return []
    }
    return [finding('duplicate_meter_points_provided',
      `Meter point ${id} is given twice at this address.`,
      `${index}.identifier`)]
  })
}

const POINTS = ['ElectricityMeterPoint', 'GasMeterPoint']

export const meterPointRules: Rule[] = [
  ...flatMap(POINTS, component => [
    objectRule(component, ['agreement_start_date_before_supply_start_date'],
      checkAgreementStarts),
    objectRule(component, ['multiple_non_dmex_meters_with_serial_number'],
      checkSharedSerials),
    fieldRule(component, 'dr_in_progress', ['disputed_read_in_progress'],
      refuseFlag('disputed_read_in_progress',
        'A disputed read is in progress for this meter point.')),
    fieldRule(component, 'et_in_progress',
      ['erroneous_transfer_not_in_progress'],
      refuseFlag('erroneous_transfer_not_in_progress',
        'An erroneous transfer is in progress for this meter point.'))
  ]),
  objectRule('ElectricityMeterPoint',
    ['registers_missing_for_active_electricity_meter'],
    checkActiveRegisters),
  objectRule('ElectricityMeterPoint', ['agents_and_mpids_to_appoint_provided'],
    checkAppointments),
  fieldRule('ElectricityMeterPoint', 'eac_history', ['repeated_eac_for_tpr'],
    checkRepeatedEacs),
  fieldRule('ElectricityMeterPoint', 'meters',
    ['meter_with_duplicate_register_ids'], checkRegisterIds),
  fieldRule('EnergyLegacySupplyAddress', 'meter_points',
    ['duplicate_meter_points_provided'], checkDuplicatePoints)
]
