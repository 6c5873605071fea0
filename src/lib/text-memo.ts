// Remembers what a pure function of a text answered, for texts that come
// back again and again (phone numbers, datetimes, tokens across a cohort).
// Bounded: when `limit` texts are kept it forgets them all and starts over,
// which costs one recomputation each and never a wrong answer.
export function textMemo<T> (limit: number,
  compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>()
  return (text) => {
    if (known.has(text)) return known.get(text) as T
    const answer = compute(text)
    if (known.size >= limit) known.clear()
    known.set(text, answer)
    return answer
  }
}
