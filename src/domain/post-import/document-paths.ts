import type { FieldError } from '../../errors.js'
import type { SupplierRecord } from '../../store/types.js'

// Document paths in payloads are relative to the supplier's root in the
// file store: s3://<bucket>/<root>/<path>. Leading slashes and repeated
// slashes mean nothing; "." is dropped and ".." steps back, but never above
// the root.

export type ResolvedPath =
  | { ok: true, relative: string, location: string }
  | { ok: false, error: FieldError }

export function normaliseDocumentPath (path: string): string | null {
  const parts: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return null
      parts.pop()
      continue
    }
    parts.push(segment)
  }
  return parts.length === 0 ? null : parts.join('/')
}

export function resolveDocumentPath (supplier: SupplierRecord, path: string,
  attr: string): ResolvedPath {
  const relative = normaliseDocumentPath(path)
  if (relative === null) {
    // Nothing outside the supplier's root can exist for it, so Kraken's
    // existence code is the closest it has.
    return {
      ok: false,
      error: {
        detail: `"${path}" does not name a file inside the import ` +
          'supplier\'s document root.',
        code: 'path_does_not_exist_in_file_store',
        attr
      }
    }
  }
  const root = normaliseDocumentPath(supplier.documentRoot)
  const prefix = root === null ? '' : `${root}/`
  return {
    ok: true,
    relative,
    location: `s3://${supplier.bucket}/${prefix}${relative}`
  }
}
