import { krakenResponse } from '../../errors.js'
import { notOngoingError } from '../account-import.js'
import {
  type Body, fail, listOf, lookUpImportedAccount, type PostImportDeps
} from './find-imported-account.js'

// V1 Send Registration Flows: marks an imported account's meter points
// for registration, which Kraken then carries out on its own.

export const REGISTRATION_INVALID = {
  code: 'registration_flows_failed_validation',
  detail: 'Could not send the registration flows.'
}

export interface MeterPoint {
  mpxn: string
  supplyType: string
}

// The account's meter points, as it was staged: MPANs and MPRNs once each.
export function meterPointsOf (staged: Body): MeterPoint[] {
  const found = new Map<string, MeterPoint>()
  for (const address of listOf(staged.supply_addresses)) {
    for (const point of listOf(address.meter_points)) {
      const mpxn = String(point.identifier)
      if (!found.has(mpxn)) {
        found.set(mpxn, { mpxn, supplyType: String(point.supply_type) })
      }
    }
  }
  return [...found.values()]
}

export function createRegistrationFlows (deps: PostImportDeps) {
  const { store, clock } = deps

  function notFound (supplierCode: string, ext: string,
    detail: string): Error {
    return krakenResponse(404, {
      external_account_number: ext,
      import_supplier_code: supplierCode,
      error_detail: detail
    })
  }

  function sendFlows (supplierCode: string, ext: string) {
    const supplier = store.findSupplier(supplierCode)
    if (supplier !== undefined && supplier.status !== 'Ongoing') {
      throw fail(REGISTRATION_INVALID, [notOngoingError(supplierCode)])
    }
    const lookup = lookUpImportedAccount(store, supplierCode, ext)
    if (!lookup.found) {
      throw notFound(supplierCode, ext, `Account not found for ${ext}.`)
    }
    const account = lookup.account
    const points = meterPointsOf(account.staged)
    if (points.length === 0) {
      throw notFound(supplierCode, ext, `No meter points found for ${ext}.`)
    }

    const marked = new Set(store.listAccountRecords(account.accountNumber,
      'registration-flow').map(r => r.key))
    const fresh = points.filter(p => !marked.has(p.mpxn))
    store.addAccountRecords(fresh.map(p => ({
      kind: 'registration-flow' as const,
      accountNumber: account.accountNumber,
      key: p.mpxn,
      json: JSON.stringify({ mpxn: p.mpxn, supply_type: p.supplyType }),
      createdAt: clock.now().toISOString()
    })))
    return {
      external_account_number: ext,
      import_supplier_code: supplierCode,
      meter_points: points.map(p => marked.has(p.mpxn)
        ? {
            mpxn: p.mpxn,
            status: 'REGISTRATION_FLOW_ERROR',
            error_detail: `Meter point ${p.mpxn} is already marked for ` +
              'registration.'
          }
        : { mpxn: p.mpxn, status: 'REGISTRATION_FLOW_SUCCESS' })
    }
  }

  return { sendFlows }
}
