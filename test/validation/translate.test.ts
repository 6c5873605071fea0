import type { ErrorObject } from 'ajv'
import { test } from 'tap'
import {
  escapePointerKey, joinAttr, pointerKeys, pointerToAttr, translateErrors
} from '../../src/validation/translate.js'

// An AJV error as the validator would report it, with only the parts the
// translation reads.
function ajvError (keyword: string, instancePath: string,
  params: Record<string, unknown> = {}, data?: unknown): ErrorObject {
  return { keyword, instancePath, schemaPath: '#', params, data }
}

function codes (raw: ErrorObject[]): Array<{ code: string, attr: string }> {
  return translateErrors(raw).errors.map(({ code, attr }) => ({ code, attr }))
}

test('turns a JSON pointer into a dot path, unescaping ~1 and ~0', t => {
  t.equal(pointerToAttr(''), '')
  t.equal(pointerToAttr('/customers/0/email'), 'customers.0.email')
  t.equal(pointerToAttr('/a~1b'), 'a/b')
  t.equal(pointerToAttr('/a~0b'), 'a~b')
  // ~01 is an escaped "~" followed by "1", not an escaped "/".
  t.equal(pointerToAttr('/~01/~10'), '~1./0')
  t.end()
})

test('writes a key as a pointer does, and reads it back', t => {
  t.equal(escapePointerKey('supply_addresses'), 'supply_addresses')
  t.equal(escapePointerKey('a/b~c'), 'a~1b~0c')
  // "~1" written is "~01", which reads back as "~1", not as "/".
  t.equal(escapePointerKey('~1'), '~01')
  const keys = ['a/b~c', '~1', '0', '']
  t.same(pointerKeys(keys.map(k => '/' + escapePointerKey(k)).join('')), keys)
  t.end()
})

test('joins a field onto a path, with no leading dot at the root', t => {
  t.equal(joinAttr('', 'import_supplier'), 'import_supplier')
  t.equal(joinAttr('customers.0', 'email'), 'customers.0.email')
  t.end()
})

test('reports a missing property at the property, not at its parent', t => {
  t.same(codes([
    ajvError('required', '/customers/0', { missingProperty: 'given_name' })
  ]), [{ code: 'required', attr: 'customers.0.given_name' }])
  t.end()
})

test('reports an error on the root object as non_field_errors', t => {
  t.same(codes([ajvError('type', '', { type: 'object' }, [])]),
    [{ code: 'invalid', attr: 'non_field_errors' }])
  t.end()
})

test('maps JSON Schema keywords to DRF codes', t => {
  const cases: Array<[ErrorObject, string]> = [
    [ajvError('type', '/a', { type: 'string' }, 5), 'invalid'],
    [ajvError('type', '/a', { type: 'integer,null' }, 'x'), 'invalid'],
    [ajvError('type', '/a', { type: 'array' }, {}), 'not_a_list'],
    [ajvError('type', '/a', { type: 'string' }, null), 'null'],
    [ajvError('enum', '/a', {}, 'X'), 'invalid_choice'],
    [ajvError('enum', '/a', {}, null), 'null'],
    [ajvError('maxLength', '/a', { limit: 4 }, 'abcde'), 'max_length'],
    [ajvError('minLength', '/a', { limit: 4 }, 'abc'), 'min_length'],
    [ajvError('maximum', '/a', { limit: 9999 }, 10000), 'max_value'],
    [ajvError('minimum', '/a', { limit: 0 }, -1), 'min_value'],
    [ajvError('minItems', '/a', { limit: 1 }, []), 'empty'],
    [ajvError('minItems', '/a', { limit: 2 }, [1]), 'min_length'],
    [ajvError('maxItems', '/a', { limit: 2 }, [1, 2, 3]), 'max_length'],
    [ajvError('x-reference', '/a', { code: 'does_not_exist' }, 'X'),
      'does_not_exist'],
    [ajvError('pattern', '/a', { pattern: '^x$' }, 'y'), 'invalid']
  ]
  for (const [raw, code] of cases) {
    t.same(codes([raw]), [{ code, attr: 'a' }],
      `${raw.keyword} ${JSON.stringify(raw.params)}`)
  }
  t.end()
})

test('keeps one error per field, the one DRF would raise first', t => {
  // null, then required, not_a_list, invalid, blank, then everything else.
  t.same(codes([
    ajvError('x-not-blank', '/a', { code: 'blank' }, ''),
    ajvError('type', '/a', { type: 'string' }, null)
  ]), [{ code: 'null', attr: 'a' }])
  t.same(codes([
    ajvError('maxLength', '/a', { limit: 4 }, 'abcde'),
    ajvError('x-email', '/a', { code: 'invalid' }, 'abcde')
  ]), [{ code: 'invalid', attr: 'a' }])
  t.same(codes([
    ajvError('x-reference', '/a', { code: 'does_not_exist' }, ' '),
    ajvError('x-not-blank', '/a', { code: 'blank' }, ' ')
  ]), [{ code: 'blank', attr: 'a' }])
  // Between two codes of the same rank, the first reported stays.
  t.same(translateErrors([
    ajvError('x-decimal', '/a', { code: 'max_digits' }, '1'),
    ajvError('maxLength', '/a', { limit: 1 }, '12')
  ]).errors.map(e => e.code), ['max_digits'])
  t.end()
})

test('skips the wrapping errors of if, allOf, oneOf and the like', t => {
  t.same(codes([
    ajvError('if', '/a', { failingKeyword: 'then' }, {}),
    ajvError('allOf', '/a', {}, {}),
    ajvError('oneOf', '/a', { passingSchemas: null }, {}),
    ajvError('required', '/a', { missingProperty: 'b' })
  ]), [{ code: 'required', attr: 'a.b' }])
  t.end()
})

test('lists additional properties as undocumented fields instead of errors', t => {
  t.same(translateErrors([
    ajvError('additionalProperties', '', { additionalProperty: 'colour' }, {}),
    ajvError('additionalProperties', '/notes/1', { additionalProperty: 'mood' }, {}),
    // A key with a dot in its name is one key, not a path.
    ajvError('additionalProperties', '/a~1b', { additionalProperty: 'c.d' }, {})
  ]), {
    errors: [],
    undocumented: ['colour', 'notes.1.mood', 'a/b.c.d'],
    undocumentedKeys: [['colour'], ['notes', '1', 'mood'], ['a/b', 'c.d']]
  })
  t.end()
})

test('words its messages for people, naming the limit that was broken', t => {
  t.same(translateErrors([
    ajvError('maxLength', '/a', { limit: 4 }, 'abcde'),
    ajvError('enum', '/b', {}, 'X'),
    ajvError('required', '', { missingProperty: 'c' })
  ]).errors, [
    { detail: 'Ensure this field has no more than 4 characters.', code: 'max_length', attr: 'a' },
    { detail: '"X" is not a valid choice.', code: 'invalid_choice', attr: 'b' },
    { detail: 'This field is required.', code: 'required', attr: 'c' }
  ])
  t.end()
})
