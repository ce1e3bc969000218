/**
 * SQLite's own verdict that a file is not a (sound) database: SQLITE_NOTADB, SQLITE_CORRUPT and its
 * extended codes. Apart from library.ts so that the CLI's error path can ask without loading SQLite.
 */
export function isDamagedLibraryError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}
