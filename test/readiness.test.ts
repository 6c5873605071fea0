import { test } from 'tap'
import { Readiness } from '../src/readiness.js'

const turn = async (): Promise<void> =>
  await new Promise(resolve => setImmediate(resolve))

test('work waits for ready, then runs one job per turn', async t => {
  const failures: string[] = []
  const readiness = new Readiness(err => failures.push((err as Error).message))
  const ran: string[] = []
  readiness.afterReady(() => ran.push('a'))
  readiness.afterReady(() => { throw new Error('b failed') })
  readiness.afterReady(() => ran.push('c'))
  await turn()
  t.same([readiness.ready, ran, readiness.pending], [false, [], 3])
  readiness.markReady()
  t.same(ran, [], 'nothing runs at once')
  await turn()
  t.same(ran, ['a'])
  await turn()
  t.same([ran, failures], [['a'], ['b failed']])
  await turn()
  t.same(ran, ['a', 'c'])
  // Work given once ready runs the same way.
  readiness.afterReady(() => ran.push('d'))
  t.same(ran, ['a', 'c'])
  await turn()
  t.same([ran, readiness.pending], [['a', 'c', 'd'], 0])
})
