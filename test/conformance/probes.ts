import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { fromRoot } from '../../src/lib/paths.js'
import { exampleAccount, type Operation } from '../helpers/contract.js'

// The requests the conformance suite sends for one operation: each of the
// contract's request examples, fixed where they slip against their own
// schema, plus probes that reach the other statuses the contract declares.

// What the store holds before a probe: the contract's example account
// (TENTACLE_ENERGY / EXTERNAL-1234) at some stage of its migration.
export type Given = 'nothing' | 'staged' | 'imported' | 'scheduled'

export interface Probe {
  label: string
  given: Given
  method: string
  url: string
  body?: unknown
  expect: number
  // Where the suite departed from the contract's example, and why.
  notes: string[]
}

export const SUPPLIER = 'TENTACLE_ENERGY'
export const ACCOUNT = 'EXTERNAL-1234'

// The operation's path with the example account's identifiers in it.
export function urlOf (op: Operation, external = ACCOUNT): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'import_supplier_code') return SUPPLIER
    if (name.startsWith('external_')) return external
    throw new Error(`no value for {${name}} in ${op.path}`)
  })
}

// Where an operation's happy path starts; the rest act on an account.
const GIVEN: Record<string, Given> = {
  'V1 Create Or Update Account Import Process': 'nothing',
  'V1 Validate Account': 'nothing',
  'V1 Process Account Import Process': 'staged',
  'V2 Validate Account': 'nothing',
  'V2 Schedule Account Creation': 'nothing',
  'V2 Account Import Status': 'scheduled'
}

function componentRequired (name: string): string[] {
  const file = fromRoot('schemas', 'gb', 'components', `${name}.json`)
  return JSON.parse(readFileSync(file, 'utf8')).required ?? []
}

type Body = Record<string, any>
const YEAR_MS = 365 * 24 * 60 * 60 * 1000

// Rules that compare with today refuse some of the contract's dates, which
// are a few years old (DECISIONS.md, Field validation); the suite moves
// them, and says so.
type DateFix = (op: Operation, body: Body, now: Date) => string[]

const moveDunningStart: DateFix = (_op, body, now) => {
  const path = (body.payload ?? body).dunning_path
  const today = now.toISOString().slice(0, 10)
  if (typeof path?.start_date !== 'string' || path.start_date >= today) {
    return []
  }
  path.start_date = new Date(now.getTime() + YEAR_MS).toISOString()
    .slice(0, 10)
  return ['dunning_path.start_date moved a year ahead: it is in the past']
}

const moveUnpinAt: DateFix = (op, body, now) => {
  if (op.operationId !== 'V1 Create Account Notes') return []
  const notes: Body[] = Array.isArray(body.notes) ? body.notes : []
  return notes.flatMap((note, i) => {
    if (note.unpin_at === undefined || note.created_at !== undefined) {
      return []
    }
    note.unpin_at = new Date(now.getTime() + YEAR_MS).toISOString()
    return [`notes.${i}.unpin_at moved a year ahead: the note is created ` +
      'now, and may not be unpinned before it exists']
  })
}

const DATE_FIXES: DateFix[] = [moveDunningStart, moveUnpinAt]

// The contract's v2 examples lack the `payload` (and `task_params`)
// wrapper their schema requires; an example naming an unseeded supplier
// gets a seeded one. Schemas win, and each fix is reported.
export function prepareExample (op: Operation, example: unknown,
  app: FastifyInstance): { body: Body, notes: string[] } {
  const { store } = app
  let body = structuredClone(example) as Body
  const notes: string[] = []
  const schema = op.request?.schema
  const required = typeof schema === 'string' ? componentRequired(schema) : []
  if (required.includes('payload') && !('payload' in body)) {
    body = { payload: body }
    notes.push('example lacks the `payload` wrapper its schema requires; ' +
      'wrapped')
  }
  for (const field of required.filter(f => !(f in body))) {
    body[field] = {}
    notes.push(`example lacks required \`${field}\`; sent {} (its defaults)`)
  }
  const account = (body.payload ?? body) as Record<string, unknown>
  for (const key of ['import_supplier', 'import_supplier_code']) {
    const code = account[key]
    if (typeof code === 'string' && store.findSupplier(code) === undefined) {
      account[key] = SUPPLIER
      notes.push(`supplier ${code} is not seeded; sent ${SUPPLIER}`)
    }
  }
  for (const fix of DATE_FIXES) notes.push(...fix(op, body, app.clock.now()))
  return { body, notes }
}

const NO_EXAMPLE = 'the contract publishes no request example here; sent ' +
  'the EnergyAccount example it publishes for v2 validate'

export function brokenAccount (): Record<string, any> {
  const account = exampleAccount()
  account.customers[0].landline = 'abcde'
  return account
}

// The contract's examples, or the nearest thing where it publishes none,
// expecting the operation's success status: 201 for a POST that creates.
export function happyProbes (op: Operation, app: FastifyInstance):
Probe[] {
  const success = Object.keys(op.responses).filter(s => Number(s) < 300)
  const expect = Number(success.includes('201') ? '201' : success[0])
  const given = GIVEN[op.operationId] ?? 'imported'
  const base = { given, method: op.method, url: urlOf(op), expect }
  const examples = Object.entries(op.request?.examples ?? {})
  if (examples.length > 0) {
    return examples.map(([name, example]) => ({
      ...base, label: `example ${name}`, ...prepareExample(op, example, app)
    }))
  }
  if (op.request === null) {
    return [{ ...base, label: 'the example account', notes: [] }]
  }
  if (op.request.schema === 'ProcessAccountImportProcess') {
    return [{
      ...base,
      label: 'process the staged example account',
      body: {
        import_supplier_code: SUPPLIER, external_account_number: ACCOUNT
      },
      notes: ['the contract publishes no request example here; named the ' +
        'staged example account']
    }]
  }
  return [{
    ...base,
    label: 'the example account',
    body: exampleAccount(),
    notes: [NO_EXAMPLE]
  }]
}
