import { krakenResponse } from '../../errors.js'
import {
  lookUpImportedAccount, type PostImportDeps
} from './find-imported-account.js'
import { meterPointsOf } from './registration-flows.js'

// V1 Get Meter Point Statuses For Account. A meter point is in
// pre-registration from the import until a registration flow marks it;
// Kraken's downstream registration never runs in the mock, so it stays
// requested from then on.

export function createMeterPointStatuses (deps: PostImportDeps) {
  const { store } = deps

  function listStatuses (supplierCode: string, ext: string) {
    const lookup = lookUpImportedAccount(store, supplierCode, ext)
    if (!lookup.found) {
      throw krakenResponse(404, { error: `Account not found for ${ext}.` })
    }
    const account = lookup.account
    const points = meterPointsOf(account.staged)
    if (points.length === 0) {
      throw krakenResponse(404, { error: `No meterpoints found for ${ext}.` })
    }
    const marked = new Set(store.listAccountRecords(account.accountNumber,
      'registration-flow').map(r => r.key))
    return points.map(p => ({
      mpxn: p.mpxn,
      status: marked.has(p.mpxn) ? 'REGISTRATION_REQUESTED' : 'PRE_REGISTRATION'
    }))
  }

  return { listStatuses }
}
