import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** How long a writer waits for another process's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /**
   * Path of better-sqlite3's compiled addon to load instead of the default one (Electron needs one built
   * for its ABI). Default: $FERRY_NATIVE_BINDING, so worker threads of an Electron host load it too.
   */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the library database in WAL mode with a busy timeout, so that the app,
 * the CLI and worker threads can use one file at once, and applies pending migrations.
 */
export function openLibrary(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const nativeBinding = options.nativeBinding ?? (process.env.FERRY_NATIVE_BINDING || undefined);
  const db = new Database(file, { readonly: options.readonly ?? false, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db): void {
  // BEGIN IMMEDIATE: two processes opening a new file at once must not both apply migration 1.
  const apply = db.transaction(() => {
    let version = schemaVersion(db);
    if (version > MIGRATIONS.length) {
      throw new Error(`library database schema ${version} is newer than this Ferry (${MIGRATIONS.length}); update Ferry`);
    }
    for (; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  apply.immediate();
}
