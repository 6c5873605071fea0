import { test } from 'tap'
import { KeptLast, keptFor } from '../../src/rules/readers.js'
import {
  agreementsOf, metersOf, pointsOf
} from '../../src/rules/supply/supply.js'

test('a derived list is kept while the rules read the same list', t => {
  const kept = new KeptLast<number>()
  let derived = 0
  const sum = (items: number[]) => keptFor(kept, items, () => {
    derived++
    return items.reduce((a, b) => a + b, 0)
  })
  const first = [1, 2, 3]
  const second = [10, 20]
  t.same([sum(first), sum(first), derived], [6, 6, 1])
  // Another list, even one equal to the first, is derived afresh, and the
  // answers never mix.
  t.same([sum(second), sum(first), sum([1, 2, 3]), sum(second)],
    [30, 6, 6, 30])
  t.equal(derived, 5)
  // Anything but a list is derived each time, even the same object.
  const notAList = { a: 1 }
  const count = () => keptFor(kept, notAList, () => ++derived)
  t.same([count(), count(), derived], [6, 7, 7])
  t.end()
})

test('meter points of two accounts read alternately keep their own parts',
  t => {
    const account = (serial: string, from: string) => ({
      supply_addresses: [{
        meter_points: [{
          supply_type: 'GAS',
          meters: [{ serial_number: serial }],
          agreements: [{ effective_from: from }]
        }]
      }]
    })
    const a = account('A-1', '2020-01-01')
    const b = account('B-1', '2021-06-01')
    const read = (acc: ReturnType<typeof account>) => {
      const at = pointsOf(acc)[0]
      if (at === undefined) throw new Error('no meter point')
      return [at.fuel, metersOf(at)[0]?.meter.serial_number,
        metersOf(at)[0]?.path, agreementsOf(at)[0]?.from]
    }
    for (let round = 0; round < 2; round++) {
      t.same(read(a), ['GAS', 'A-1',
        'supply_addresses.0.meter_points.0.meters.0', '2020-01-01'])
      t.same(read(b), ['GAS', 'B-1',
        'supply_addresses.0.meter_points.0.meters.0', '2021-06-01'])
    }
    // The kept lists are the same objects on a second read.
    const at = pointsOf(a)[0]
    if (at === undefined) throw new Error('no meter point')
    t.equal(metersOf(at), metersOf(at))
    t.equal(pointsOf(a), pointsOf(a))
    t.end()
  })
