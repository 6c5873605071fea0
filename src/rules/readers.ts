// Small readers for payload parts that field validation has already
// shaped, shared by all rules: they guard only against what it leaves open
// (absent or null fields, and the undocumented parts a few rules read).

export type Obj = Record<string, unknown>

export function isObj (value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// A list's entries, anything but an object read as an empty one so that
// indexes still match the payload's.
// Read-only: when every entry is an object, this is the payload's own list.
export function list (value: unknown): readonly Obj[] {
  if (!Array.isArray(value)) return NONE
  for (const item of value) {
    if (!isObj(item)) return value.map(entry => isObj(entry) ? entry : {})
  }
  return value as Obj[]
}
const NONE: readonly Obj[] = Object.freeze([])

// A string field, or undefined when it is absent, null or blank.
export function text (owner: Obj, key: string): string | undefined {
  const value = owner[key]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

// What a rule derives from a payload list (every meter point with its
// path, say), kept for the list last seen: the rules of one account run
// one after another on the same lists, and the payload does not change
// while they run. Compared by identity, so a list of another payload is
// derived afresh. Not a WeakMap: looking a freshly parsed list up in one
// makes V8 give the list an identity hash, which measured slower than
// deriving the small lists most accounts have. Anything but a list is
// derived afresh each time.
// One change to a payload does reach what is kept: processing runs rules
// again on the objects staging checked after undocumented fields were
// dropped from them (PayloadChecker.recheck), and may get what staging
// derived. So a derivation may copy out only fields that every variant of
// their component documents, which are never dropped; anything else it
// must hold by reference to the object, to be read live.
export class KeptLast<T> {
  source: unknown = undefined
  value: T | undefined = undefined
}

export function keptFor<T> (kept: KeptLast<T>, source: unknown,
  derive: () => T): T {
  if (!Array.isArray(source)) return derive()
  if (kept.source !== source || kept.value === undefined) {
    kept.value = derive()
    kept.source = source
  }
  return kept.value
}

// Orders text by code point, as Python sorts strings (and as YYYY-MM-DD
// dates sort by day); unlike localeCompare it needs no collation tables.
export function compareText (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// Array.prototype.flatMap, measured ten times slower than this loop on
// Node 20; the rules call it hundreds of times per payload.
export function flatMap<T, U> (items: readonly T[],
  map: (item: T, index: number) => U | readonly U[]): U[] {
  const out: U[] = []
  for (let index = 0; index < items.length; index++) {
    const mapped = map(items[index] as T, index)
    if (Array.isArray(mapped)) {
      for (const item of mapped as readonly U[]) out.push(item)
    } else {
      out.push(mapped as U)
    }
  }
  return out
}
