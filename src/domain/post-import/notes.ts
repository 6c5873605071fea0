import { createHash } from 'node:crypto'
import type { FieldError } from '../../errors.js'
import { formatDate, offsetAt, pad, wallTimeAt } from '../../lib/zoned-time.js'
import type { AccountRecord } from '../../store/types.js'
import { parseDateTime } from '../../validation/temporal.js'
import { resolveDocumentPath } from './document-paths.js'
import {
  addFinding, type Body, checkPayload, fail, findImportedAccount,
  hasErrorsUnder, type ImportedAccount, listOf, type PostImportDeps, timezoneOf
} from './find-imported-account.js'

// V1 Create Account Notes: notes added to an account after its import.

export const NOTES_INVALID = {
  code: 'notes_failed_validation',
  detail: 'Could not validate the account notes.'
}

interface KnownNote { body: string, at: number }

// DRF renders a datetime in the current timezone, and UTC as "Z".
export function formatDateTime (at: Date, zone: string): string {
  const ms = at.getTime()
  const t = wallTimeAt(zone, ms)
  const time = [t.hour, t.minute, t.second].map(n => pad(n)).join(':')
  const fraction = t.millisecond === 0 ? '' : `.${pad(t.millisecond, 3)}000`
  const offset = Math.round(offsetAt(zone, ms) / 60_000)
  const sign = offset < 0 ? '-' : '+'
  const zoneText = offset === 0
    ? 'Z'
    : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  return `${formatDate(t)}T${time}${fraction}${zoneText}`
}

export function noteRecord (accountNumber: string, note: Body,
  at: Date): AccountRecord {
  const body = typeof note.body === 'string' ? note.body : ''
  const createdAt = at.toISOString()
  const key = createHash('sha256').update(`${createdAt}\n${body}`)
    .digest('hex').slice(0, 32)
  return {
    kind: 'note',
    accountNumber,
    key,
    json: JSON.stringify({ ...note, body, created_at: createdAt }),
    createdAt
  }
}

export function createNoteImport (deps: PostImportDeps) {
  const { store, clock } = deps
  const zone = timezoneOf(deps)

  function instantOf (value: unknown): number | null {
    if (typeof value !== 'string') return null
    const parsed = parseDateTime(value, zone)
    return parsed.ok ? parsed.instant.getTime() : null
  }

  // The notes the account came with, and those added since.
  function knownNotes (account: ImportedAccount): KnownNote[] {
    const importedAt = Date.parse(account.process.accountCreatedAt ?? '')
    const staged = listOf(account.staged.notes).map(n => ({
      body: typeof n.body === 'string' ? n.body : '',
      at: instantOf(n.created_at) ?? importedAt
    }))
    const added = store.listAccountRecords(account.accountNumber, 'note')
      .map(r => JSON.parse(r.json) as Body)
      .map(n => ({
        body: String(n.body),
        at: Date.parse(String(n.created_at))
      }))
    return [...staged, ...added]
  }

  function checkNote (note: Body, index: number, now: Date,
    errors: FieldError[], supplierCode: string): string[] {
    const at = `notes.${index}`
    const documents = listOf(note.document_paths)
    const hasBody = typeof note.body === 'string' && note.body.trim() !== ''
    if (!hasBody && documents.length === 0) {
      addFinding(errors, {
        detail: 'A note needs a body or at least one document path.',
        code: 'note_body_or_document_path_not_found',
        attr: `${at}.non_field_errors`
      })
    }
    const unpinAt = instantOf(note.unpin_at)
    const createdAt = instantOf(note.created_at) ?? now.getTime()
    if (unpinAt !== null && unpinAt < createdAt) {
      addFinding(errors, {
        detail: 'unpin_at is earlier than the note\'s creation date.',
        code: 'note_unpin_at_earlier_than_creation_date',
        attr: `${at}.non_field_errors`
      })
    }
    const supplier = store.findSupplier(supplierCode)
    const locations: string[] = []
    documents.forEach((doc, d) => {
      if (supplier === undefined) return
      const resolved = resolveDocumentPath(supplier,
        String(doc.document_path), `${at}.document_paths.${d}.document_path`)
      if (resolved.ok) locations.push(resolved.location)
      else addFinding(errors, resolved.error)
    })
    return locations
  }

  function createNotes (payload: unknown) {
    const { value, warnings, errors } = checkPayload(deps, 'AccountNote',
      payload)
    const now = clock.now()
    const notes = listOf(value.notes)
    const parsed = [...errors]
    const locations = notes.map((note, i) =>
      hasErrorsUnder(parsed, `notes.${i}`)
        ? []
        : checkNote(note, i, now, errors, String(value.import_supplier)))
    if (errors.length > 0) throw fail(NOTES_INVALID, errors)

    const account = findImportedAccount(deps, value, NOTES_INVALID, 404)
    const known = knownNotes(account)
    const records: AccountRecord[] = []
    const results = notes.map((note, i) => {
      const body = typeof note.body === 'string' ? note.body : ''
      const given = instantOf(note.created_at)
      const at = given ?? now.getTime()
      // Without created_at, any note with the same body is the same note.
      const exists = known.some(k => k.body === body &&
        (given === null || k.at === given))
      if (!exists) {
        known.push({ body, at })
        records.push(noteRecord(account.accountNumber,
          { ...note, document_locations: locations[i] }, new Date(at)))
      }
      const shown: Body = {
        ...note,
        created_at: formatDateTime(new Date(at), zone)
      }
      const unpinAt = instantOf(note.unpin_at)
      if (unpinAt !== null) {
        shown.unpin_at = formatDateTime(new Date(unpinAt), zone)
      }
      shown.status = exists ? 'NOTE_ALREADY_EXISTS' : 'NOTE_CREATION_SUCCESS'
      return shown
    })
    if (records.length > 0) store.addAccountRecords(records)
    return {
      warnings,
      body: results,
      pathsUnchecked: account.supplier.checkDocumentPathsExist
    }
  }

  return { createNotes }
}
