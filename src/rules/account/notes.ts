import type { Rule, RuleFinding } from '../types.js'
import { found, given, instant, objectRule, type Obj } from './support.js'

// Rules about notes and statements attached to an account, whether staged
// with it or added after import.

function checkNoteContent (note: Obj): RuleFinding[] {
  if (given(note, 'body') || given(note, 'document_paths')) return []
  return [found('note_body_or_document_path_not_found',
    'A note needs a body or at least one document path.')]
}

function checkUnpin (note: Obj): RuleFinding[] {
  const created = instant(note.created_at)
  const unpin = instant(note.unpin_at)
  if (created === undefined || unpin === undefined || created <= unpin) {
    return []
  }
  return [found('note_unpin_at_earlier_than_creation_date',
    'A note cannot be unpinned before it was created.')]
}

// The PDF context is the contract's alternative to a stored PDF, but its
// GB schema does not document it; only its presence is read.
function checkStatementSource (statement: Obj): RuleFinding[] {
  const path = given(statement, 'statement_path')
  const context = given(statement, 'pdf_context')
  if (path && context) {
    return [found('received_statement_path_and_pdf_context',
      'Give a statement_path or a pdf_context, not both.')]
  }
  if (path || context) return []
  return [found('missing_statement_path_or_pdf_context',
    'A statement needs a statement_path (or a pdf_context).')]
}

export const noteRules: Rule[] = [
  objectRule('Note', ['note_body_or_document_path_not_found'],
    checkNoteContent),
  objectRule('Note', ['note_unpin_at_earlier_than_creation_date'],
    checkUnpin),
  objectRule('Statement', ['missing_statement_path_or_pdf_context',
    'received_statement_path_and_pdf_context'], checkStatementSource)
]
