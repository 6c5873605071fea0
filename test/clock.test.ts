import { test } from 'tap'
import { createClock } from '../src/clock.js'

test('an advanced clock runs ahead of real time by the amount given', t => {
  let real = 1_000_000
  const clock = createClock(() => real)
  clock.advance(61 * 60_000)
  t.equal(clock.nowMs(), 1_000_000 + 61 * 60_000)
  real += 5
  t.equal(clock.nowMs(), 1_000_005 + 61 * 60_000)
  t.end()
})

test('a frozen clock stands still until it is advanced or unfrozen', t => {
  let real = 1_000_000
  const clock = createClock(() => real)
  clock.freeze(new Date(5_000))
  real += 1000
  t.equal(clock.nowMs(), 5_000)
  clock.advance(10)
  t.equal(clock.nowMs(), 5_010)
  clock.unfreeze()
  real += 7
  t.equal(clock.nowMs(), 5_017)
  clock.reset()
  t.equal(clock.nowMs(), real)
  t.end()
})

test('setting the clock keeps it running from the new time', t => {
  let real = 1_000
  const clock = createClock(() => real)
  clock.set(new Date(50_000))
  real += 100
  t.equal(clock.now().toISOString(), new Date(50_100).toISOString())
  t.same(clock.describe(), {
    now: new Date(50_100).toISOString(), frozen: false, offsetMs: 49_000
  })
  t.end()
})
