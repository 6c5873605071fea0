import type { FastifyInstance } from 'fastify'
import { validationFailed } from '../errors.js'

// Which contract component a payload file is checked as.
export const PAYLOAD_KINDS = ['account', 'v2-account', 'process'] as const
export type PayloadKind = typeof PAYLOAD_KINDS[number]

export interface OfflineOutcome {
  kind: PayloadKind
  warnings: string[]
  error?: Error
}

// A payload wrapped in `payload` is a v2 body; one naming a supplier code
// and an account number but no account data is a process request.
export function guessKind (payload: unknown): PayloadKind {
  if (payload === null || typeof payload !== 'object') return 'account'
  const keys = Object.keys(payload)
  if (keys.includes('payload')) return 'v2-account'
  if (keys.includes('import_supplier_code')) return 'process'
  return 'account'
}

export function validateOffline (app: FastifyInstance,
  requested: PayloadKind | 'auto', payload: unknown): OfflineOutcome {
  const kind = requested === 'auto' ? guessKind(payload) : requested
  try {
    if (kind === 'account') {
      return { kind, warnings: app.accounts.validateAccount(payload).warnings }
    }
    if (kind === 'v2-account') {
      return {
        kind, warnings: app.accounts.validateV2Account(payload).warnings
      }
    }
    const { errors, warnings } =
      app.payloads.check('ProcessAccountImportProcess', payload)
    if (errors.length > 0) {
      throw validationFailed('import_process_failed_validation',
        'Could not process the account import.', errors)
    }
    return { kind, warnings }
  } catch (err) {
    return { kind, warnings: [], error: err as Error }
  }
}
