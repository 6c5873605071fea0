import type { Rule } from '../types.js'
import { accountAgreementRules } from './account-agreements.js'
import { addressRules } from './addresses.js'
import { agentRules } from './agents.js'
import { agreementRules } from './agreements.js'
import { chargeRules } from './charges.js'
import { contributionRules } from './contributions.js'
import { detailRules } from './details.js'
import { exchangeRules } from './exchanges.js'
import { identifierRules } from './identifiers.js'
import { meterPointRules } from './meter-points.js'
import { meterRules } from './meters.js'
import { participantRules } from './participants.js'
import { periodRules } from './periods.js'
import { postalRules } from './postal.js'
import { readingRules } from './readings.js'
import { supplierSettingRules } from './supplier-settings.js'
import { supplyPointRules } from './supply-points.js'

// Business rules about supply: meter points, meters, registers, readings,
// agreements and consumption history.
export const supplyRules: Rule[] = [
  ...identifierRules,
  ...participantRules,
  ...periodRules,
  ...meterPointRules,
  ...meterRules,
  ...agreementRules,
  ...accountAgreementRules,
  ...readingRules,
  ...exchangeRules,
  ...supplyPointRules,
  ...addressRules,
  ...agentRules,
  ...supplierSettingRules,
  ...postalRules,
  ...contributionRules,
  ...chargeRules,
  ...detailRules
]
