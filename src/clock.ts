// The mock's clock. Every rule that compares with "now" reads it, so a test
// can freeze, set or advance time instead of waiting for it.
export interface Clock {
  now(): Date
  nowMs(): number
  set(at: Date): void
  freeze(at?: Date): void
  unfreeze(): void
  advance(ms: number): void
  reset(): void
  describe(): { now: string, frozen: boolean, offsetMs: number }
}

export function createClock (realNow: () => number = Date.now): Clock {
  let offsetMs = 0
  let frozenAt: number | null = null

  function nowMs (): number {
    return frozenAt ?? realNow() + offsetMs
  }

  return {
    nowMs,
    now: () => new Date(nowMs()),
    set (at) {
      if (frozenAt !== null) frozenAt = at.getTime()
      else offsetMs = at.getTime() - realNow()
    },
    freeze (at) {
      frozenAt = at ? at.getTime() : nowMs()
    },
    unfreeze () {
      if (frozenAt === null) return
      offsetMs = frozenAt - realNow()
      frozenAt = null
    },
    advance (ms) {
      if (frozenAt !== null) frozenAt += ms
      else offsetMs += ms
    },
    reset () {
      offsetMs = 0
      frozenAt = null
    },
    describe: () => ({
      now: new Date(nowMs()).toISOString(),
      frozen: frozenAt !== null,
      offsetMs: frozenAt === null ? offsetMs : frozenAt - realNow()
    })
  }
}
