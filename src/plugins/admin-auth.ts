// Guards the control API with its own token, so a shared development
// instance cannot be reset or faulted by anyone who can reach it. The token
// travels in x-mock-admin-token, which the logger redacts; it is never
// echoed or logged.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import {
  adminTokenInvalid, adminTokenMissing, adminTokenNotConfigured
} from '../errors.js'

export const ADMIN_TOKEN_HEADER = 'x-mock-admin-token'

type AdminConfig = Pick<Config, 'adminAuth' | 'adminToken' | 'host'>

export function isLoopback (host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' ||
    /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(bare)
}

// auto: only a mock that others can reach needs the token.
export function adminTokenRequired (config: AdminConfig): boolean {
  if (config.adminAuth === 'off') return false
  if (config.adminAuth === 'required') return true
  return !isLoopback(config.host)
}

function digest (value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

// Adds the check to the instance it is given: register the control routes
// on that instance, and keep health and readiness outside it.
export function installAdminAuth (app: FastifyInstance,
  config: AdminConfig): void {
  if (!adminTokenRequired(config)) return
  const expected = config.adminToken === undefined
    ? undefined
    : digest(config.adminToken)
  if (expected === undefined) {
    app.log.warn({ adminAuth: config.adminAuth, host: config.host },
      'control API refuses every call: MOCK_ADMIN_TOKEN is not set')
  }

  app.addHook('onRequest', async (request) => {
    if (expected === undefined) throw adminTokenNotConfigured()
    const given = request.headers[ADMIN_TOKEN_HEADER]
    if (typeof given !== 'string' || given === '') throw adminTokenMissing()
    // Digests have equal lengths, so the comparison time reveals nothing.
    if (!timingSafeEqual(digest(given), expected)) throw adminTokenInvalid()
  })
}
