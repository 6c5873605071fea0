import { flatMap } from '../readers.js'
import type { Rule, RuleFinding } from '../types.js'
import {
  type Obj, fieldRule, finding, list, objectRule, text, underField
} from './data.js'
import { asDate } from './dates.js'
import { isActiveMeter } from './meter-points.js'
import { type PointAt, metersOf, pointBilledTo, pointsOf } from './supply.js'

// Account-level rules about supply addresses: which accounts may have
// them, and what may repeat between them.

function checkRepeatedPoints (_value: unknown, account: Obj): RuleFinding[] {
  const firstAddress = new Map<string, number>()
  const found = flatMap(pointsOf(account), at => {
    const id = text(at.point, 'identifier')
    if (id === undefined) return []
    const first = firstAddress.get(id)
    if (first === undefined) firstAddress.set(id, at.addressIndex)
    if (first === undefined || first === at.addressIndex) return []
    return [finding('duplicate_meter_points_on_different_supply_addresses_provided',
      `Meter point ${id} is also at supply address ${first}.`,
      `${at.path}.identifier`)]
  })
  return underField('supply_addresses', found)
}

const squash = (value: string | undefined): string =>
  (value ?? '').replace(/\s+/g, ' ').trim().toUpperCase()

function checkRepeatedAddresses (value: unknown): RuleFinding[] {
  const seen = new Set<string>()
  return flatMap(list(value), (address, index) => {
    const key = JSON.stringify([squash(text(address, 'supply_address1')),
      squash(text(address, 'supply_address2')),
      squash(text(address, 'supply_postcode')).replace(/ /g, '')])
    if (!seen.has(key)) {
      seen.add(key)
      return []
    }
    return [finding('duplicate_supply_addresses_found',
      'The same supply address is given twice.', `${index}`)]
  })
}

// Points sharing each active electricity meter serial.
function pointsBySerial (account: Obj): Map<string, PointAt[]> {
  const bySerial = new Map<string, PointAt[]>()
  for (const at of pointsOf(account)) {
    if (at.fuel !== 'ELECTRICITY') continue
    for (const { meter } of metersOf(at)) {
      const serial = text(meter, 'meter_serial_number')
      if (serial === undefined || !isActiveMeter(meter)) continue
      const points = bySerial.get(serial) ?? []
      if (!points.includes(at)) bySerial.set(serial, [...points, at])
    }
  }
  return bySerial
}

const isImportExport = (at: PointAt): boolean =>
  at.point.export_type === 'IMPORT_EXPORT'

// An import-export meter has two MPANs: the import one, and the export
// one marked IMPORT_EXPORT, both naming the same meter.
function checkExportPairs (_value: unknown, account: Obj): RuleFinding[] {
  const bySerial = pointsBySerial(account)
  const found = flatMap(pointsOf(account).filter(isImportExport), at => {
    const paired = metersOf(at).some(({ meter }) => {
      const sharing = bySerial.get(String(meter.meter_serial_number)) ?? []
      return sharing.length === 2 && sharing.filter(isImportExport).length === 1
    })
    if (paired) return []
    return [finding('import_meter_not_found_for_export_meter',
      'No other meter point without an export type shares this meter.',
      `${at.path}.export_type`)]
  })
  return underField('supply_addresses', found)
}

function checkSharedMeters (_value: unknown, account: Obj): RuleFinding[] {
  const found: RuleFinding[] = []
  for (const [serial, points] of pointsBySerial(account)) {
    if (points.length === 1) continue
    if (points.length === 2 && points.some(isImportExport)) continue
    for (const at of points.slice(1)) {
      const index = list(at.point.meters)
        .findIndex(meter => meter.meter_serial_number === serial)
      found.push(finding('unexpected_number_of_meter_points_found_for_meter',
        `Meter ${serial} is on ${points.length} meter points; only an ` +
        'import-export meter may be on two.',
        `${at.path}.meters.${index}.meter_serial_number`))
    }
  }
  return underField('supply_addresses', found)
}

function refuseAddresses (code: string, applies: (account: Obj) => boolean,
  detail: string) {
  return (account: Obj): RuleFinding[] =>
    list(account.supply_addresses).length > 0 && applies(account)
      ? [finding(code, detail, 'supply_addresses')]
      : []
}

function checkOccupier (account: Obj): RuleFinding[] {
  const occupier = account.unknown_occupier === true ||
    String(account.account_type).endsWith('_OCCUPIER')
  if (!occupier || list(account.supply_addresses).length < 2) return []
  return [finding('occupier_account_with_multiple_supply_addresses',
    'An occupier account has one supply address at most.',
    'supply_addresses')]
}

// A customer who has left an address must have been billed up to the day
// they left.
function checkFormerAddresses (account: Obj): RuleFinding[] {
  const points = pointsOf(account)
  return flatMap(list(account.supply_addresses), (address, index) => {
    const left = asDate(address.customer_at_supply_address_to_date)
    if (left === undefined) return []
    const unbilled = points.filter(at => at.addressIndex === index)
      .some(at => {
        const billedTo = pointBilledTo(account, at.point)
        return billedTo !== undefined && billedTo < left
      })
    if (!unbilled) return []
    return [finding('unbilled_former_supply_address', 'The customer left ' +
      `on ${left} but the address is not billed up to that day.`,
    `supply_addresses.${index}.customer_at_supply_address_to_date`)]
  })
}

export const addressRules: Rule[] = [
  fieldRule('EnergyAccount', 'supply_addresses',
    ['duplicate_meter_points_on_different_supply_addresses_provided'],
    checkRepeatedPoints),
  fieldRule('EnergyAccount', 'supply_addresses',
    ['duplicate_supply_addresses_found'], checkRepeatedAddresses),
  fieldRule('EnergyAccount', 'supply_addresses',
    ['import_meter_not_found_for_export_meter'], checkExportPairs),
  fieldRule('EnergyAccount', 'supply_addresses',
    ['unexpected_number_of_meter_points_found_for_meter'], checkSharedMeters),
  objectRule('EnergyAccount', ['portfolio_lead_has_a_supply_address'],
    refuseAddresses('portfolio_lead_has_a_supply_address', account =>
      account.account_type === 'PORTFOLIO_LEAD' ||
      account.is_portfolio_lead === true,
    'A portfolio lead account has no supply address of its own.')),
  objectRule('EnergyAccount', ['system_account_has_a_supply_address'],
    refuseAddresses('system_account_has_a_supply_address', account =>
      account.account_type === 'SYSTEM',
    'A system account has no supply address.')),
  objectRule('EnergyAccount',
    ['occupier_account_with_multiple_supply_addresses'], checkOccupier),
  objectRule('EnergyAccount', ['unbilled_former_supply_address'],
    checkFormerAddresses)
]
