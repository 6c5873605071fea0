import { isPossibleTestEmail } from '../formats/email.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { fieldRule, found, given, objectRule, type Obj, text } from
  './support.js'

// Rules about complaints carried over with an account, checked against
// the complaint types, official bodies and channels the instance knows.

function checkType (complaint: Obj, ctx: RuleContext): RuleFinding[] {
  const type = text(complaint, 'type_of_complaint')
  const subtype = text(complaint, 'subtype_of_complaint')
  const entry = ctx.seed.complaints.types.find(t => t.type === type)
  if (entry !== undefined && entry.subtypes.includes(subtype ?? '')) return []
  return [found('invalid_complaint_type_or_subtype', entry === undefined
    ? `This Kraken has no complaint type "${type ?? ''}".`
    : `"${subtype ?? ''}" is not a subtype of the complaint type ${entry.type}.`)]
}

const OFFICIAL_FIELDS = ['official_reference_number', 'official_entity',
  'official_status']

function checkOfficialFields (complaint: Obj): RuleFinding[] {
  const present = OFFICIAL_FIELDS.filter(field => given(complaint, field))
  if (present.length === 0 || present.length === OFFICIAL_FIELDS.length) {
    return []
  }
  const missing = OFFICIAL_FIELDS.filter(field => !present.includes(field))
  return [found('official_complaint_field_missing',
    `An official complaint also needs ${missing.join(' and ')}.`)]
}

function checkOfficialBody (complaint: Obj, ctx: RuleContext): RuleFinding[] {
  const entity = text(complaint, 'official_entity')
  if (entity === undefined) return []
  const body = ctx.seed.complaints.officialOrganisations
    .find(organisation => organisation.name === entity)
  const status = text(complaint, 'official_status')
  if (body !== undefined &&
    (status === undefined || body.statuses.includes(status))) return []
  return [found('invalid_official_organization_or_status', body === undefined
    ? `This Kraken has no official complaints body "${entity}".`
    : `"${status ?? ''}" is not a status of ${entity}.`)]
}

// A complaint open for eight weeks entitles the customer to go to the
// ombudsman; the eight-week letter comes with the CHSR letter.
function checkLetters (complaint: Obj): RuleFinding[] {
  if (complaint.has_eight_week_letter_been_sent !== true ||
    complaint.has_chsr_letter_been_sent === true) return []
  return [found('chsr_letter_not_sent',
    'The eight-week letter was sent, so the CHSR letter must have been ' +
    'sent as well.')]
}

function checkEmail (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || !isPossibleTestEmail(value)) return []
  return [found('possible_test_email_address',
    `"${value}" looks like a test address, not a customer's.`)]
}

function checkSource (contact: Obj, ctx: RuleContext): RuleFinding[] {
  const source = text(contact, 'communication_source')
  if (source === undefined || ctx.seed.complaints.sources.includes(source)) {
    return []
  }
  return [found('invalid_complaint_source',
    `This Kraken has no complaint source "${source}".`)]
}

export const complaintRules: Rule[] = [
  objectRule('Complaint', ['invalid_complaint_type_or_subtype'], checkType),
  objectRule('Complaint', ['official_complaint_field_missing'],
    checkOfficialFields),
  objectRule('Complaint', ['invalid_official_organization_or_status'],
    checkOfficialBody),
  objectRule('Complaint', ['chsr_letter_not_sent'], checkLetters),
  fieldRule('Complaint', 'complainant_email',
    ['possible_test_email_address'], checkEmail),
  objectRule('ComplaintContact', ['invalid_complaint_source'], checkSource)
]
