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
  // Undo and redo (docs/file-operations.md "Undo and redo"): refused, nothing changed.
  'NOTHING_TO_UNDO',
  'NOTHING_TO_REDO',
  /** The item an undo or redo would act on was changed since the operation. */
  'ITEM_CHANGED',
  /** The item an undo or redo would act on is no longer there (or no longer in the Trash). */
  'ITEM_GONE',
  /** The name an undo or redo would put an item back under is taken. */
  'NAME_TAKEN',
  /** Another window or process is undoing or redoing this operation right now. */
  'HISTORY_BUSY',
  /** The operation needed to undo or redo this is not available in this build. */
  'UNSUPPORTED',
  /** An item's file system has no trash and none can be made there (read-only, not writable): nothing moved. */
  'TRASH_UNAVAILABLE',
  /** A trashed item that is no longer in the trash (restored, deleted or emptied meanwhile). */
  'TRASH_ITEM_NOT_FOUND',
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

/**
 * Which side of a copy a path is on, where the caller knows it: a source is read, a destination written.
 * It picks the sentence ("permission to read" or "to write in"); without it the sentence names neither.
 */
export type ErrorSide = 'source' | 'destination';

/** The one place that maps a Node errno error (or anything thrown) to a FerryErrorValue. */
export function toErrorValue(err: unknown, path?: string, side?: ErrorSide): FerryErrorValue {
  if (err instanceof FerryError) return err.toValue();
  // Structural, not NodeJS.ErrnoException: this file is also type-checked in the renderer (no Node types).
  const e = err as { code?: unknown; message?: string; path?: unknown } | undefined;
  const errno = typeof e?.code === 'string' ? e.code : undefined;
  const code: ErrorCode = errno && ERRNO_CODES.has(errno) ? (errno as ErrorCode) : 'INTERNAL';
  const where = path ?? (typeof e?.path === 'string' ? e.path : undefined);
  const message = describeErrno(code, e?.message ?? String(err), where, side);
  return where === undefined ? { code, message } : { code, message, path: where };
}

/** “name”: the last part of a path, as a person calls the file (the whole path stays in the value's `path`). */
function quoted(path: string | undefined): string {
  if (!path) return 'it';
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  const name = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
  return `\u201c${name || trimmed}\u201d`;
}

/** Errors as sentences a person reads; the code stays beside them for programs (--json `code`). */
export function describeErrno(code: ErrorCode, raw: string, path?: string, side?: ErrorSide): string {
  const it = quoted(path);
  switch (code) {
    // Kept word for word: the UI and scripts already show it with the full path.
    case 'ENOENT': return `No such file or directory${path ? `: ${path}` : ''}`;
    case 'EACCES':
    case 'EPERM':
      if (side === 'source') return `You don't have permission to read ${it}`;
      if (side === 'destination') return `You don't have permission to write in ${it}`;
      return `You don't have permission to use ${it}`;
    case 'ENOSPC': return `There is no space left to write ${it}`;
    case 'EDQUOT': return `Your disk quota is used up on ${it}`;
    case 'ENAMETOOLONG': return `The name ${it} is too long for this file system`;
    case 'EROFS': return `${capital(it)} is on a read-only file system: nothing can be written there`;
    case 'ENOTDIR': return `${capital(it)} is not a folder`;
    case 'EISDIR': return `${capital(it)} is a folder`;
    case 'ELOOP': return `${capital(it)} leads through too many symbolic links`;
    default: return raw;
  }
}

function capital(text: string): string {
  return text === 'it' ? 'It' : text;
}
