import type { Rule } from '../types.js'
import { accountOptionRules } from './account-options.js'
import { accountShapeRules } from './account.js'
import { balanceRules } from './balances.js'
import { billingAddressRules } from './billing-address.js'
import { businessRules } from './business.js'
import { commissionRules } from './commissions.js'
import { complaintRules } from './complaints.js'
import { customerRules } from './customers.js'
import { noteRules } from './notes.js'
import { paymentPlanRules } from './payment-plans.js'
import { paymentScheduleRules } from './payment-schedules.js'
import { paymentRules } from './payments.js'
import { psrRules } from './psr.js'
import { referenceRules } from './references.js'
import { statementRules } from './statements.js'
import { supplyAddressRules } from './supply-addresses.js'
import { transactionRules } from './transactions.js'
import { voucherRules } from './vouchers.js'

// Business rules about the account as a whole: customers, billing,
// finance, notes, campaigns, references.
export const accountRules: Rule[] = [
  ...customerRules,
  ...accountShapeRules,
  ...accountOptionRules,
  ...billingAddressRules,
  ...statementRules,
  ...balanceRules,
  ...transactionRules,
  ...paymentScheduleRules,
  ...paymentRules,
  ...paymentPlanRules,
  ...referenceRules,
  ...businessRules,
  ...complaintRules,
  ...noteRules,
  ...commissionRules,
  ...psrRules,
  ...voucherRules,
  ...supplyAddressRules
]
