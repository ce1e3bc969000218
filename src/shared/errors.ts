/**
 * Error codes that cross process and network boundaries. Errors travel as plain values
 * ({ code, message, path? }) because Electron's invoke keeps only an Error's message.
 */
export const ERROR_CODES = [
  // Input the user gave us (exit code 2 in the CLI).
  'INVALID_INPUT',
  'SOURCE_NOT_FOUND',
  'DEST_NOT_FOUND',
  'DEST_NOT_DIRECTORY',
  'DEST_INSIDE_SOURCE',
  'SAME_FILE',
  'NOT_A_DIRECTORY',
  'INSIDE_LOCATION',
  'LOCATION_NOT_FOUND',
  'JOB_NOT_FOUND',
  'JOB_NOT_RESUMABLE',
  'CONFLICT_NOT_FOUND',
  'PROMPT_IMPOSSIBLE',
  /** A listFolderPage call for a listing the engine dropped (too old, or too many listings): list again. */
  'LISTING_EXPIRED',
  // File-system errors mapped from errno.
  'ENOENT',
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EDQUOT',
  'ENAMETOOLONG',
  'EEXIST',
  'EISDIR',
  'ENOTDIR',
  'ENOTEMPTY',
  'EROFS',
  'EMFILE',
  'EIO',
  'ELOOP',
  'EXDEV',
  'SOURCE_VANISHED',
  /** A file that kept changing while it was copied, attempt after attempt: not copied (no torn copy). */
  'SOURCE_CHANGED',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FerryErrorValue {
  code: ErrorCode;
  message: string;
  path?: string;
}

/** A typed error: the engine throws these, hosts turn them into values and exit codes. */
export class FerryError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;
  constructor(code: ErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'FerryError';
    this.code = code;
    this.path = path;
  }
  toValue(): FerryErrorValue {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}

const ERRNO_CODES = new Set<string>(ERROR_CODES);

/** The one place that maps a Node errno error (or anything thrown) to a FerryErrorValue. */
export function toErrorValue(err: unknown, path?: string): FerryErrorValue {
  if (err instanceof FerryError) return err.toValue();
  // Structural, not NodeJS.ErrnoException: this file is also type-checked in the renderer (no Node types).
  const e = err as { code?: unknown; message?: string; path?: unknown } | undefined;
  const errno = typeof e?.code === 'string' ? e.code : undefined;
  const code: ErrorCode = errno && ERRNO_CODES.has(errno) ? (errno as ErrorCode) : 'INTERNAL';
  const where = path ?? (typeof e?.path === 'string' ? e.path : undefined);
  const message = describeErrno(code, e?.message ?? String(err), where);
  return where === undefined ? { code, message } : { code, message, path: where };
}

function describeErrno(code: ErrorCode, raw: string, path?: string): string {
  const at = path ? `: ${path}` : '';
  switch (code) {
    case 'ENOENT': return `No such file or directory${at}`;
    case 'EACCES':
    case 'EPERM': return `Permission denied${at}`;
    case 'ENOSPC': return `No space left on the destination device${at}`;
    case 'EDQUOT': return `Disk quota exceeded${at}`;
    case 'ENAMETOOLONG': return `File name too long${at}`;
    case 'EROFS': return `Read-only file system${at}`;
    case 'ENOTDIR': return `Not a directory${at}`;
    case 'EISDIR': return `Is a directory${at}`;
    case 'ELOOP': return `Too many levels of symbolic links${at}`;
    default: return raw;
  }
}
