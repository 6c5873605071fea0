import type { Fuel } from '../../seed/types.js'
import { KeptLast, keptFor, flatMap } from '../readers.js'
import { type Obj, list, text } from './data.js'
import { asDate, holds } from './dates.js'

// The account's supply as the account-level rules read it: every meter
// point with its path from the account root, and the dates that decide
// which parts Kraken will bill.

export interface PointAt {
  point: Obj
  path: string
  address: Obj
  addressIndex: number
  fuel: Fuel
}

export interface MeterAt {
  meter: Obj
  path: string
}

// The lists below are shared between the rules that read them: read-only.
// A point's meters and agreements are kept on the point itself (on the
// points pointsOf makes; any other is given them on first use). What they
// copy out of the payload (supply_type, meter_points, meters, agreements,
// effective_from, effective_to) is documented on every address, meter
// point and agreement, so never dropped (see KeptLast).
const keptPoints = new KeptLast<readonly PointAt[]>()
interface KeptPoint extends PointAt {
  meters: readonly MeterAt[] | undefined
  agreements: readonly AgreementAt[] | undefined
}

export function pointsOf (account: Obj): readonly PointAt[] {
  return keptFor(keptPoints, account.supply_addresses, () =>
    flatMap(list(account.supply_addresses), (address, addressIndex) =>
      list(address.meter_points).map((point, index): KeptPoint => ({
        point,
        path: `supply_addresses.${addressIndex}.meter_points.${index}`,
        address,
        addressIndex,
        fuel: point.supply_type === 'GAS' ? 'GAS' : 'ELECTRICITY',
        meters: undefined,
        agreements: undefined
      }))))
}

export function metersOf (at: PointAt): readonly MeterAt[] {
  const kept = at as KeptPoint
  kept.meters ??= list(at.point.meters).map((meter, index) =>
    ({ meter, path: `${at.path}.meters.${index}` }))
  return kept.meters
}

export interface AgreementAt {
  agreement: Obj
  path: string
  from: string | undefined
  to: string | undefined
}

export function agreementsOf (at: PointAt): readonly AgreementAt[] {
  const kept = at as KeptPoint
  kept.agreements ??= list(at.point.agreements).map((agreement, index) => ({
    agreement,
    path: `${at.path}.agreements.${index}`,
    from: asDate(agreement.effective_from),
    to: asDate(agreement.effective_to)
  }))
  return kept.agreements
}

export function agreementsHolding (at: PointAt, day: string): AgreementAt[] {
  return agreementsOf(at).filter(a => holds(a.from, a.to, day))
}

// Kraken bills a meter point whose supply has not ended: no end date, or
// one still to come.
export function isBillable (point: Obj, now: string): boolean {
  const end = asDate(point.supply_end_date)
  return end === undefined || end > now
}

// The last billed to date that applies to a meter point: its own, else
// the account's.
export function pointBilledTo (account: Obj, point: Obj): string | undefined {
  return asDate(point.last_billed_to_date) ??
    asDate(account.last_billed_to_date)
}

// For a meter: a gas meter's own date, else the meter point's or the
// account's. For an electricity register: the register's own first.
export function meterBilledTo (account: Obj, at: PointAt, meter: Obj,
  register?: Obj): string | undefined {
  const own = at.fuel === 'GAS'
    ? asDate(meter.last_billed_to_date)
    : register === undefined ? undefined : asDate(register.last_billed_to_date)
  return own ?? pointBilledTo(account, at.point)
}

// Registers that settle consumption; the others (is_settlement false) are
// read for information only.
export function settlementRegisters (meter: Obj): Array<[Obj, number]> {
  return list(meter.registers)
    .map((register, index): [Obj, number] => [register, index])
    .filter(([register]) => register.is_settlement !== false)
}

export function registerOf (meter: Obj, registerId: unknown): Obj | undefined {
  return list(meter.registers)
    .find(register => text(register, 'register_id') === registerId)
}

// Every reading of a meter (transfer and historical) on a given day.
export function hasReadingOn (meter: Obj, day: string): boolean {
  return [...list(meter.transfer_readings), ...list(meter.reading_history)]
    .some(reading => reading.reading_date === day)
}
