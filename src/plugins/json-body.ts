import type { FastifyInstance } from 'fastify'
import { parseError } from '../errors.js'

// Kraken's API takes JSON only: every other media type is a 415. A body
// with a byte-order mark, NaN or broken syntax is DRF's parse_error; an
// empty body reads as an empty object, as DRF's request.data does.
// Real payloads nest about ten levels; a body nested hundreds deep would
// only exhaust the stack of whatever serialises it next.
export const MAX_DEPTH = 500

// Whether a container inside `node` (itself a container) lies more than
// `levelsLeft` levels down. The walk stops as soon as one does, so it
// never recurses deeper than the limit; V8 parses JSON without recursing,
// so a deep body parses safely and is refused here. Loops rather than
// Object.values: every request body passes through this.
function nestsDeeper (node: object, levelsLeft: number): boolean {
  if (levelsLeft === 0) return true
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i]
      if (child !== null && typeof child === 'object' &&
        nestsDeeper(child, levelsLeft - 1)) return true
    }
    return false
  }
  const record = node as Record<string, unknown>
  for (const key in record) {
    const child = record[key]
    if (child !== null && typeof child === 'object' &&
      nestsDeeper(child, levelsLeft - 1)) return true
  }
  return false
}

function depthExceeds (value: unknown, limit: number): boolean {
  return value !== null && typeof value === 'object' &&
    nestsDeeper(value, limit)
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
