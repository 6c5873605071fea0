import type { FastifyInstance } from 'fastify'
import { parseError } from '../errors.js'

// Kraken's API takes JSON only: every other media type is a 415. A body
// with a byte-order mark, NaN or broken syntax is DRF's parse_error; an
// empty body reads as an empty object, as DRF's request.data does.
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
      try {
        done(null, JSON.parse(text))
      } catch (err) {
        done(parseError((err as Error).message), undefined)
      }
    })
}
