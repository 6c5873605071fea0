// The shape of a seed file: the organisation, its import suppliers and the
// reference data that Kraken keeps per instance (products, teams, campaigns).

export type SupplierStatus = 'Ongoing' | 'Paused' | 'Complete'

export const SUPPLIER_STATUSES: readonly SupplierStatus[] =
  ['Ongoing', 'Paused', 'Complete']

export interface SeedOrganisation {
  name: string
  apiKey: string
  secretKey: string
}

export interface SeedUser {
  email: string
  password: string
}

export interface SeedImportSupplier {
  code: string
  name: string
  status: SupplierStatus
  documentRoot: string
  bucket: string
  // Name of the operations team new accounts join automatically; null when
  // the caller must name one in each process request.
  autoAllocatedOperationsTeam: string | null
  checkDocumentPathsExist: boolean
  // Import configuration flags; absent means Kraken's default (the first
  // true, the others false).
  sendRegistrationFlows?: boolean
  enforceBusinessContractsExist?: boolean
  linkAccountToBusinessWithContract?: boolean
  createNewPortfolios?: boolean
  // Kraken's "Skip property creation" and "Skip supply point creation"
  // import settings; absent means false.
  skipPropertyCreation?: boolean
  skipSupplyPointCreation?: boolean
}

export interface SeedOperationsTeam {
  name: string
}

export type Fuel = 'ELECTRICITY' | 'GAS'

export const FUELS: readonly Fuel[] = ['ELECTRICITY', 'GAS']

export interface SeedProduct {
  code: string
  fuel: Fuel
  tariffCodes: string[]
  // ISO 8601 date-times with an offset.
  availableFrom: string
  availableTo: string | null
  isPrepay: boolean
  isVariable: boolean
  // Rate bands a supply charge line item may name for this product.
  rateBands: string[]
}

export interface SeedCampaign {
  name: string
  slug: string
}

// GB runs separate electricity and gas markets, each with its own
// participant ids, so each entry says which market it belongs to.
export type MarketParticipantRole =
  | 'SUPPLIER'
  | 'SHIPPER'
  | 'DATA_COLLECTOR'
  | 'DATA_AGGREGATOR'
  | 'METER_OPERATOR'
  | 'METER_ASSET_MANAGER'

export const MARKET_PARTICIPANT_ROLES: readonly MarketParticipantRole[] = [
  'SUPPLIER', 'SHIPPER', 'DATA_COLLECTOR', 'DATA_AGGREGATOR',
  'METER_OPERATOR', 'METER_ASSET_MANAGER'
]

export interface SeedMarketParticipant {
  mpid: string
  fuel: Fuel
  role: MarketParticipantRole
}

// Priority Services Register category codes (DTC data item J1699). A
// temporary need must be given an end date.
export interface SeedPsrIndustryCode {
  fuel: Fuel
  code: string
  description: string
  temporary: boolean
}

export interface SeedComplaintType {
  type: string
  subtypes: string[]
}

export interface SeedOfficialComplaintOrganisation {
  name: string
  statuses: string[]
}

export interface SeedComplaints {
  types: SeedComplaintType[]
  officialOrganisations: SeedOfficialComplaintOrganisation[]
  // Channels a complaint contact may arrive through.
  sources: string[]
}

// A meter point agent's contract with the supplier, as Kraken holds it:
// an electricity meter point names it by its references.
export type AgentRole = 'DATA_COLLECTOR' | 'DATA_AGGREGATOR' |
  'METER_OPERATOR'

export const AGENT_ROLES: readonly AgentRole[] =
  ['DATA_COLLECTOR', 'DATA_AGGREGATOR', 'METER_OPERATOR']

export interface SeedAgentContract {
  role: AgentRole
  mpid: string
  contractReference: string
  serviceReference: string
  serviceLevelReference: string
}

// Instance-wide switches and limits that the business rules read.
export interface SeedSettings {
  consentsEnabled: boolean
  managedAccountsAllowed: boolean
  caisReferencesSupported: boolean
  billingDocumentIdentifiersEnabled: boolean
  paymentDayMin: number
  paymentDayMax: number
  // Pounds, as a decimal string: the least a fixed payment schedule takes.
  minimumFixedPaymentAmount: string
  maxActiveDeposits: number
  // Roles a customer may only hold on their own.
  exclusiveRoles: string[]
  requiredCustomerDetailNamespaces: string[]
}

export interface Seed {
  organisation: SeedOrganisation
  users: SeedUser[]
  importSuppliers: SeedImportSupplier[]
  operationsTeams: SeedOperationsTeam[]
  products: SeedProduct[]
  campaigns: SeedCampaign[]
  referenceNamespaces: string[]
  dunningPaths: string[]
  debtCollectionAgencies: string[]
  marketParticipants: SeedMarketParticipant[]
  psrIndustryCodes: SeedPsrIndustryCode[]
  timePatternRegimes: string[]
  ledgerCodes: string[]
  contributionSchemes: string[]
  agentContracts: SeedAgentContract[]
  paymentPlanStrategies: string[]
  standalonePaymentRequestMethods: string[]
  affiliateOrganisations: string[]
  partnerOrganisations: string[]
  internalEmailAddresses: string[]
  complaints: SeedComplaints
  settings: SeedSettings
}
