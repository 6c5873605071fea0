import { randomBytes } from 'node:crypto'
import { fromRoot } from './lib/paths.js'

export type UndocumentedFieldPolicy = 'warn' | 'reject'
export type AdminAuthMode = 'auto' | 'required' | 'off'
export type ErrorStyle = 'standard' | 'nested'

export interface Config {
  port: number
  host: string
  logLevel: string
  market: 'gb'
  seedFile: string
  jwtSecret: string
  jwtSecretIsRandom: boolean
  tokenTtlSeconds: number
  refreshTtlSeconds: number
  bodyLimitBytes: number
  undocumentedFields: UndocumentedFieldPolicy
  apiKey: string | undefined
  secretKey: string | undefined
  // Where the persistent store keeps its database; memory when unset.
  dataDir: string | undefined
  persistJournal: boolean
  journalSize: number
  adminToken: string | undefined
  // auto: the control API needs the admin token only when the mock
  // listens beyond loopback.
  adminAuth: AdminAuthMode
  // Kraken's concurrency limit on processing (429 past it); 0 is off.
  processConcurrencyLimit: number
  errorStyle: ErrorStyle
}

type Env = Record<string, string | undefined>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function readInt (env: Env, name: string, fallback: number, min: number,
  max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(`${name} must be a whole number, got "${raw}"`)
  }
  const value = Number(raw)
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${raw}`)
  }
  return value
}

function readChoice<T extends string> (env: Env, name: string, fallback: T,
  choices: readonly T[]): T {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(
      `${name} must be one of ${choices.join(', ')}, got "${raw}"`)
  }
  return raw as T
}

function readBoolean (env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new ConfigError(`${name} must be true or false, got "${raw}"`)
}

function readSecret (env: Env, name: string): string | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  if (raw.trim() !== raw || raw.length < 8) {
    throw new ConfigError(
      `${name} must be at least 8 characters with no surrounding spaces`)
  }
  return raw
}

// Reads the environment once at start. A bad value stops the process with a
// message naming the variable, rather than starting a mock that misbehaves.
export function loadConfig (env: Env = process.env): Config {
  const host = env.HOST === undefined || env.HOST === '' ? '127.0.0.1' : env.HOST
  if (/\s/.test(host)) throw new ConfigError('HOST must not contain spaces')

  const jwtSecret = readSecret(env, 'MOCK_JWT_SECRET')
  const seedFile = env.MOCK_SEED_FILE === undefined || env.MOCK_SEED_FILE === ''
    ? fromRoot('seed', 'default.json')
    : env.MOCK_SEED_FILE

  const dataDir = env.MOCK_DATA_DIR === undefined || env.MOCK_DATA_DIR === ''
    ? undefined
    : env.MOCK_DATA_DIR
  const persistJournal = readBoolean(env, 'MOCK_PERSIST_JOURNAL', false)
  if (persistJournal && dataDir === undefined) {
    throw new ConfigError('MOCK_PERSIST_JOURNAL needs MOCK_DATA_DIR: the ' +
      'journal is kept in the data directory\'s database')
  }

  return {
    port: readInt(env, 'PORT', 8080, 0, 65535),
    host,
    logLevel: readChoice(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    market: readChoice(env, 'MOCK_MARKET', 'gb', ['gb'] as const),
    seedFile,
    jwtSecret: jwtSecret ?? randomBytes(32).toString('hex'),
    jwtSecretIsRandom: jwtSecret === undefined,
    tokenTtlSeconds: readInt(env, 'MOCK_TOKEN_TTL_SECONDS', 3600, 1, 31_536_000),
    refreshTtlSeconds: readInt(env, 'MOCK_REFRESH_TTL_SECONDS', 604_800, 1,
      31_536_000),
    bodyLimitBytes: readInt(env, 'MOCK_BODY_LIMIT_BYTES', 16 * 1024 * 1024,
      1024, 1024 * 1024 * 1024),
    undocumentedFields: readChoice(env, 'MOCK_UNDOCUMENTED_FIELDS', 'warn',
      ['warn', 'reject'] as const),
    apiKey: readSecret(env, 'MOCK_API_KEY'),
    secretKey: readSecret(env, 'MOCK_ORGANISATION_SECRET_KEY'),
    dataDir,
    persistJournal,
    journalSize: readInt(env, 'MOCK_JOURNAL_SIZE', 1000, 0, 1_000_000),
    adminToken: readSecret(env, 'MOCK_ADMIN_TOKEN'),
    adminAuth: readChoice(env, 'MOCK_ADMIN_AUTH', 'auto',
      ['auto', 'required', 'off'] as const),
    processConcurrencyLimit: readInt(env, 'MOCK_PROCESS_CONCURRENCY_LIMIT', 0,
      0, 100_000),
    errorStyle: readChoice(env, 'MOCK_ERROR_STYLE', 'standard',
      ['standard', 'nested'] as const)
  }
}
