import { krakenResponse } from '../../errors.js'
import {
  type Body, checkBody, fail, findImportedAccount, type ImportedAccount,
  listOf, type PostImportDeps
} from './find-imported-account.js'

// V1 Create Payment Instruction: a card or bank mandate held by a payment
// vendor, recorded on an imported account.

export const INSTRUCTION_INVALID = {
  code: 'payment_instruction_failed_validation',
  detail: 'Could not validate the payment instruction.'
}

// Kraken also asks the vendor whether the instruction exists; that call
// always succeeds here, and its failures (a 500 to retry, a 400 not to)
// are injected through the mock's fault API.
export function createPaymentInstructionImport (deps: PostImportDeps) {
  const { store, clock } = deps

  // The contract's failure shape: a detail and the identifiers, echoed.
  function instructionFailed (value: Body, reference: string,
    detail: string): Error {
    return krakenResponse(400, {
      error_detail: detail,
      external_account_number: value.external_account_number,
      import_supplier: value.import_supplier,
      reference
    })
  }

  function referenceOf (value: Body): string {
    const given = ['reference', 'instruction_reference']
      .filter(name => typeof value[name] === 'string')
    if (given.length !== 1) {
      throw fail(INSTRUCTION_INVALID, [{
        detail: given.length === 0
          ? 'Provide reference (or the deprecated instruction_reference).'
          : 'Provide reference or instruction_reference, not both.',
        code: 'mutually_exclusive_field_required',
        attr: 'non_field_errors'
      }])
    }
    return String(value[given[0] as string])
  }

  function hasActiveInstruction (account: ImportedAccount): boolean {
    return listOf(account.staged.payment_instructions).length > 0 ||
      store.listAccountRecords(account.accountNumber, 'payment-instruction')
        .length > 0
  }

  function createInstruction (payload: unknown) {
    const { value, warnings } = checkBody(deps, 'LegacyPaymentInstruction',
      INSTRUCTION_INVALID, payload)
    const reference = referenceOf(value)
    // The contract documents no 404 here: a missing account is a
    // validation error like the others.
    const account = findImportedAccount(deps, value, INSTRUCTION_INVALID, 400)

    if (hasActiveInstruction(account)) {
      throw instructionFailed(value, reference,
        'Account already has an active instruction')
    }

    store.addAccountRecords([{
      kind: 'payment-instruction',
      accountNumber: account.accountNumber,
      key: reference,
      json: JSON.stringify({ ...value, reference }),
      createdAt: clock.now().toISOString()
    }])
    return {
      warnings,
      body: {
        account_number: account.accountNumber,
        kraken_account_number: account.accountNumber,
        reference
      }
    }
  }

  return { createInstruction }
}
