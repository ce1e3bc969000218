import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDamagedLibraryError } from './damage';
import { MIGRATIONS } from './migrations';

export { isDamagedLibraryError };

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
  /**
   * Given by hosts (the CLI, `ferry serve`, the app): a library file that SQLite finds damaged when it is
   * opened is set aside (never overwritten) and a fresh one started, and this is told where the old one
   * went. Without it (worker threads, tests) a damaged library throws, as any other error.
   */
  onDamaged?: (notice: DamagedLibrary) => void;
}

/** A damaged library that was set aside: where its bytes are now, and what SQLite said. */
export interface DamagedLibrary {
  file: string;
  keptAs: string;
  reason: string;
}

export function openLibrary(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const nativeBinding = options.nativeBinding ?? (process.env.FERRY_NATIVE_BINDING || undefined);
  const db = new Database(file, { readonly: options.readonly ?? false, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    configure(db, options);
    return db;
  } catch (err) {
    const recover = options.onDamaged && file !== ':memory:' && isDamagedLibraryError(err);
    // Kept aside while still open: closing may delete the -wal (the last connection's cleanup), and the
    // bytes must be kept as SQLite found them.
    const kept = recover ? keepAside(file) : null;
    db.close();
    if (!recover) throw err;
    for (const name of kept?.originals ?? []) fs.rmSync(name, { force: true });
    // Another process may have set it aside first (kept null): either way a fresh library opens now.
    const fresh = openLibrary(file, { ...options, onDamaged: undefined });
    if (kept) options.onDamaged!({ file, keptAs: kept.keptAs, reason: (err as Error).message });
    return fresh;
  }
}

function configure(db: Db, options: OpenOptions): void {
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  if (options.readonly) return;
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  // The schema is read lazily: a file whose header is sound but whose schema page is not fails only
  // here, at once, rather than in the middle of a command. (Damage deeper in a table is met when that
  // table is read; reading every page at each start, PRAGMA quick_check, costs too much for that.)
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/**
 * Keeps a damaged library's files as `<file>.corrupt-<UTC time>` (and its -wal, -shm: the WAL may hold
 * the last good pages), never over an existing file: link() fails rather than replace, a taken name gets
 * a number. Returns the new name and the original names to remove, or null when the file was gone already.
 */
function keepAside(file: string): { keptAs: string; originals: string[] } | null {
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  for (let n = 1; ; n++) {
    const keptAs = `${file}.corrupt-${stamp}${n === 1 ? '' : `-${n}`}`;
    try {
      keepWithoutReplacing(file, keptAs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') return null;
      throw err;
    }
    const originals = [file];
    for (const suffix of ['-wal', '-shm']) {
      try {
        keepWithoutReplacing(file + suffix, keptAs + suffix);
        originals.push(file + suffix);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    return { keptAs, originals };
  }
}

/** A second name for `from` that never replaces `to`: a hard link, or where links are not allowed (FAT), a copy. */
function keepWithoutReplacing(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
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

/** The one plain line every host says when it set a damaged library aside. */
export function describeDamagedLibrary(notice: DamagedLibrary): string {
  return `the library database ${notice.file} was damaged (${notice.reason}); it is kept, unchanged, as ${notice.keptAs}, `
    + 'and a fresh library was started: add your locations again (ferry index PATH, or "Add location…" in the app).';
}
