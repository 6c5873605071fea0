import Database from 'better-sqlite3'

// Tables of the persistent store. Every table that can grow with traffic
// carries a `generation`: reset and importState start a new generation
// instead of deleting rows, so they take the same time however much is
// stored; rows of older generations are swept away in small batches later.

// Migration n takes the schema from version n to n + 1. Append, never edit.
const MIGRATIONS: string[] = [`
  CREATE TABLE store_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    current INTEGER NOT NULL
  );
  INSERT INTO store_generation (id, current) VALUES (1, 1);

  -- Seed order is kept by position; the record is JSON so a supplier can
  -- gain seed fields without a migration.
  CREATE TABLE suppliers (
    position INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    record_json TEXT NOT NULL
  );

  -- id is the staging order. Payloads live apart, so marking an account
  -- imported rewrites a short row, not 6 KB of JSON.
  CREATE TABLE import_processes (
    id INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL,
    supplier_code TEXT NOT NULL,
    external_account_number TEXT NOT NULL,
    kraken_account_number TEXT,
    account_created_at TEXT,
    staged_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (generation, supplier_code, external_account_number),
    UNIQUE (generation, kraken_account_number)
  );
  -- Covers the supplier listings, in staging order, with the pending and
  -- imported filters applied inside the index.
  CREATE INDEX import_processes_listing ON import_processes (generation,
    supplier_code, id, external_account_number, kraken_account_number,
    account_created_at);
  -- Keyed by the process id; swept together with its process.
  CREATE TABLE import_payloads (
    process_id INTEGER PRIMARY KEY,
    payload_json TEXT NOT NULL
  );

  CREATE TABLE account_records (
    id INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL,
    account_number TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (generation, account_number, kind, key)
  );
  CREATE INDEX account_records_by_key ON account_records (generation, kind,
    key);

  CREATE TABLE scheduled_imports (
    id INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL,
    supplier_code TEXT NOT NULL,
    external_identifier TEXT NOT NULL,
    status TEXT NOT NULL,
    is_dry_run INTEGER NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    latest_event TEXT NOT NULL,
    kraken_identifier TEXT,
    latest_error_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    UNIQUE (generation, supplier_code, external_identifier)
  );
  CREATE INDEX scheduled_imports_by_status ON scheduled_imports (generation,
    status);

  CREATE TABLE refresh_tokens (
    id INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL,
    token TEXT NOT NULL,
    subject TEXT NOT NULL,
    grant_type TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    orig_iat INTEGER NOT NULL,
    UNIQUE (generation, token)
  );

  -- The request journal, when asked to persist; outside generations since
  -- it records requests, not state.
  CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    entry_json TEXT NOT NULL
  );
`]

export const SCHEMA_VERSION = MIGRATIONS.length

// Tables whose rows belong to a generation (payloads go with processes).
export const GENERATION_TABLES = ['import_processes', 'account_records',
  'scheduled_imports', 'refresh_tokens'] as const

export class StoreOpenError extends Error {
  override name = 'StoreOpenError'
}

function applyPragmas (db: Database.Database): void {
  // One process owns the data directory: a second mock started on it waits
  // for the lock, then fails, rather than both writing. Set before WAL so
  // the WAL index lives in process memory and no -shm file is needed.
  db.pragma('locking_mode = EXCLUSIVE')
  if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
    throw new Error('its file system does not allow write-ahead logging')
  }
  // In WAL mode NORMAL writes each commit to the WAL file before the call
  // returns, so a crashed or killed process loses nothing it acknowledged;
  // only an OS crash or power cut can drop the last commits (never corrupt
  // the file). FULL would add an fsync to every write for that case alone.
  db.pragma('synchronous = NORMAL')
  // A bounded page cache (16 MiB): SQLite, not the JS heap, holds the data.
  db.pragma('cache_size = -16384')
}

function readVersion (db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version ' +
    '(version INTEGER NOT NULL)')
  const row = db.prepare('SELECT version FROM schema_version').get() as
    { version: number } | undefined
  return row?.version ?? 0
}

// Opens (or creates) the database and brings its schema up to date. A
// mock restarted while its predecessor still closes waits for the lock for
// up to `lockWaitMs`.
export function openDatabase (file: string, lockWaitMs = 5000):
Database.Database {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { timeout: lockWaitMs })
    applyPragmas(db)
  } catch (err) {
    db?.close()
    // SQLITE_BUSY here means the lock above is held by another process.
    const busy = (err as { code?: string }).code === 'SQLITE_BUSY'
    const why = busy ? 'another mock is using it' : (err as Error).message
    throw new StoreOpenError(`cannot open the store at ${file}: ${why}`,
      { cause: err })
  }

  try {
    migrate(db, file)
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

function migrate (db: Database.Database, file: string): void {
  const version = readVersion(db)
  if (version > SCHEMA_VERSION) {
    throw new StoreOpenError(`the store at ${file} has schema version ` +
      `${version}; this build reads up to ${SCHEMA_VERSION}`)
  }
  if (version === SCHEMA_VERSION) return
  // All the steps or none, so a failed upgrade leaves the old schema whole.
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v] as string)
    }
    db.prepare('DELETE FROM schema_version').run()
    db.prepare('INSERT INTO schema_version (version) VALUES (?)')
      .run(SCHEMA_VERSION)
  })()
}
