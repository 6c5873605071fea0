import { test } from 'tap'
import { appWith, exampleAccount, problemsOf } from './helpers.js'

const contact = {
  body: 'The bill was wrong.',
  communication_method: 'EMAIL',
  communication_source: 'EMAIL',
  created_at: '2019-07-01T09:00:00Z',
  status: 'OPEN'
}

const complaint = {
  complainant_email: 'bob@jablonski.com',
  complainant_name: 'Bob Jabłoński',
  complaint_contacts: [contact],
  created_at: '2019-07-01T09:00:00Z',
  has_chsr_letter_been_sent: false,
  has_eight_week_letter_been_sent: false,
  type_of_complaint: 'BILLING',
  subtype_of_complaint: 'BILL_ACCURACY'
}

const official = {
  official_reference_number: 'EO-123',
  official_entity: 'ENERGY_OMBUDSMAN',
  official_status: 'INVESTIGATING'
}

async function complaintProblems (t: Parameters<typeof appWith>[0],
  change: object) {
  const app = await appWith(t)
  const account = {
    ...exampleAccount(), complaints: [{ ...complaint, ...change }]
  }
  return await problemsOf(app, account)
}

const atComplaint = (code: string, attr = 'non_field_errors') =>
  [{ code, attr: `complaints.0.${attr}` }]

test('a complaint as the seed allows it passes', async t => {
  t.same(await complaintProblems(t, official), [])
})

test('a complaint has a known type and a subtype of it', async t => {
  t.same(await complaintProblems(t, { type_of_complaint: 'WEATHER' }),
    atComplaint('invalid_complaint_type_or_subtype'))
  t.same(await complaintProblems(t, { subtype_of_complaint: 'REFUND' }),
    atComplaint('invalid_complaint_type_or_subtype'))
})

test('an official complaint gives all its official fields', async t => {
  const { official_status: _status, ...partial } = official
  t.same(await complaintProblems(t, partial),
    atComplaint('official_complaint_field_missing'))
})

test('an official complaint names a known body and one of its statuses',
  async t => {
    t.same(await complaintProblems(t,
      { ...official, official_entity: 'THE_PRESS' }),
    atComplaint('invalid_official_organization_or_status'))
    t.same(await complaintProblems(t, { ...official, official_status: 'OPEN' }),
      atComplaint('invalid_official_organization_or_status'))
  })

test('an eight-week letter comes with a CHSR letter', async t => {
  t.same(await complaintProblems(t, { has_eight_week_letter_been_sent: true }),
    atComplaint('chsr_letter_not_sent'))
})

test('a complainant email is not a test address', async t => {
  t.same(await complaintProblems(t, { complainant_email: 'xxx@jablonski.com' }),
    atComplaint('possible_test_email_address', 'complainant_email'))
})

test('a complaint contact comes through a known channel', async t => {
  const contacts = [{ ...contact, communication_source: 'CARRIER_PIGEON' }]
  t.same(await complaintProblems(t, { complaint_contacts: contacts }),
    atComplaint('invalid_complaint_source',
      'complaint_contacts.0.non_field_errors'))
})
