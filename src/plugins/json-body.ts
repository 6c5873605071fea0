import type { FastifyInstance } from 'fastify'
import { parseError } from '../errors.js'

// Kraken's API takes JSON only: every other media type is a 415. A body
// with a byte-order mark, NaN or broken syntax is DRF's parse_error; an
// empty body reads as an empty object, as DRF's request.data does.
// Real payloads nest about ten levels; a body nested hundreds deep would
// only exhaust the stack of whatever serialises it next.
export const MAX_DEPTH = 500

function depthExceeds (text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) {
      depth--
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
      if (text.trim() === '') {
        done(null, {})
        return
      }
      if (depthExceeds(text, MAX_DEPTH)) {
        done(parseError(`the JSON nests deeper than ${MAX_DEPTH} levels`),
          undefined)
        return
      }
      try {
        done(null, JSON.parse(text))
      } catch (err) {
        done(parseError((err as Error).message), undefined)
      }
    })
}
