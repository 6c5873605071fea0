import type { FastifyInstance } from 'fastify'
import { parseError } from '../errors.js'

// Kraken's API takes JSON only: every other media type is a 415. A body
// with a byte-order mark, NaN or broken syntax is DRF's parse_error; an
// empty body reads as an empty object, as DRF's request.data does.
// Real payloads nest about ten levels; a body nested hundreds deep would
// only exhaust the stack of whatever serialises it next.
export const MAX_DEPTH = 500

// Walks the parsed value without recursion and stops as soon as it is
// deeper than the limit. V8 parses JSON without recursing, so a deep body
// parses safely and is refused here.
function depthExceeds (value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]]
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number]
    if (node === null || typeof node !== 'object') continue
    if (depth + 1 > limit) return true
    const children = Array.isArray(node) ? node : Object.values(node)
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        pending.push([child, depth + 1])
      }
    }
  }
  return false
}

export function installJsonBody (app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' },
    (_request, body, done) => {
      const text = body as string
      if (text.charCodeAt(0) === 0xfeff) {
        done(parseError('a byte-order mark precedes the JSON'), undefined)
        return
      }
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (err) {
        if (text.trim() === '') done(null, {})
        else done(parseError((err as Error).message), undefined)
        return
      }
      if (depthExceeds(value, MAX_DEPTH)) {
        done(parseError(`the JSON nests deeper than ${MAX_DEPTH} levels`),
          undefined)
        return
      }
      done(null, value)
    })
}
