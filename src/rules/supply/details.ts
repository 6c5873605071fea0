import { isCompanyNumber } from '../formats/company-number.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, objectRule, text } from './data.js'

// Details in the supply share that stand on their own: the smart meter
// interest of a point, a feed-in tariff's payment details, the account's
// deprecated company number, a payment instruction's ledger.

function checkRefusalReason (interest: Obj): RuleFinding[] {
  if (interest.type !== 'INTERESTED' ||
    text(interest, 'refusal_reason') === undefined) return []
  return [finding('smart_refusal_reason_given_for_interest',
    'A customer interested in a smart meter has no refusal reason.',
    'refusal_reason')]
}

// FiT payments by BACS go through a payment vendor, which needs the
// instruction to pay against.
function checkFitPayment (fit: Obj): RuleFinding[] {
  if (fit.payment_method !== 'BACS') return []
  return ['vendor_name', 'instruction_reference']
    .filter(field => text(fit, field) === undefined)
    .map(field => finding('payment_instruction_details_incomplete',
      `Payment by BACS needs ${field}.`, field))
}

function checkCompanyNumber (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value.trim() === '' ||
    isCompanyNumber(value)) return []
  return [finding('invalid_company_number',
    `"${value}" is not a Companies House registration number.`)]
}

function checkLedger (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  if (typeof value !== 'string' || ctx.seed.ledgerCodes.includes(value)) {
    return []
  }
  return [finding('ledger_code_does_not_exist',
    `No ledger has the code "${value}".`)]
}

export const detailRules: Rule[] = [
  objectRule('EnergySmartRefusalInterest',
    ['smart_refusal_reason_given_for_interest'], checkRefusalReason),
  objectRule('EnergyFit', ['payment_instruction_details_incomplete'],
    checkFitPayment),
  fieldRule('EnergyAccount', 'company_number', ['invalid_company_number'],
    checkCompanyNumber),
  fieldRule('LegacyPaymentInstruction', 'ledger_code',
    ['ledger_code_does_not_exist'], checkLedger)
]
