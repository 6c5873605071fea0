import { test } from 'tap'
import { textMemo } from '../../src/lib/text-memo.js'

test('computes each text once, answers undefined and null included', t => {
  const asked: string[] = []
  const memo = textMemo(10, (text) => {
    asked.push(text)
    return text === 'none' ? undefined : text === 'null' ? null : text.length
  })
  t.same([memo('abc'), memo('abc'), memo('none'), memo('none'),
    memo('null'), memo('null')], [3, 3, undefined, undefined, null, null])
  t.same(asked, ['abc', 'none', 'null'])
  t.end()
})

test('starts over once it holds its limit, and still answers right', t => {
  const asked: string[] = []
  const memo = textMemo(2, (text) => { asked.push(text); return text + '!' })
  t.same([memo('a'), memo('b'), memo('c'), memo('a'), memo('c')],
    ['a!', 'b!', 'c!', 'a!', 'c!'])
  // 'c' came when two were kept: all forgotten, 'c' kept; then 'a' again.
  t.same(asked, ['a', 'b', 'c', 'a'])
  t.end()
})
