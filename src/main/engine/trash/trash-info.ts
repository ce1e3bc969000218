import { decodeName, encodeName } from '../fs/byte-names';

/**
 * The `.trashinfo` file of the freedesktop.org Trash specification 1.0, written and read (pure: no fs).
 * `Path=` is the item's original path, percent-encoded byte by byte as GIO writes it (only RFC 3986's
 * unreserved characters and `/` stay as they are); absolute in the home trash, relative to the mount's
 * top folder in a `$topdir` trash (what GIO writes there, and reads back either way).
 * `DeletionDate=` is local time, `YYYY-MM-DDThh:mm:ss`, as the specification says.
 */

export interface TrashInfo {
  /** The original path as written: absolute, or relative to the trash's top folder. */
  path: string;
  /** Milliseconds since the epoch (local time as written), or null when the date is missing or unreadable. */
  deletedAtMs: number | null;
}

const UNRESERVED = /[A-Za-z0-9\-._~/]/;

/** Percent-encodes a path's bytes (names that are not UTF-8 included, see byte-names.ts). */
export function encodeTrashPath(p: string): string {
  let out = '';
  for (const byte of encodeName(p)) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The inverse of `encodeTrashPath`; a `%` not followed by two hex digits is kept as written. */
export function decodeTrashPath(encoded: string): string {
  const bytes: number[] = [];
  const raw = Buffer.from(encoded, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (b === 0x25 && i + 2 < raw.length + 0 && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
      bytes.push(parseInt(String.fromCharCode(raw[i + 1]!, raw[i + 2]!), 16));
      i += 2;
    } else {
      bytes.push(b);
    }
  }
  return decodeName(Uint8Array.from(bytes));
}

function isHex(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
}

const two = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDThh:mm:ss` in local time. */
export function formatDeletionDate(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
    + `T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A `DeletionDate` value read as local time (RFC 3339 with an offset is read with it); null if unreadable. */
export function parseDeletionDate(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const rest = value.trim().slice(19);
  if (/^(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(rest)) {
    const ms = Date.parse(value.trim());
    return Number.isNaN(ms) ? null : ms;
  }
  const ms = new Date(y, mo - 1, d, h, mi, s).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** The file's exact text: the group header, then the two keys, each line ending in a newline (as GIO writes). */
export function formatTrashInfo(originalPath: string, deletedAt: Date): string {
  return `[Trash Info]\nPath=${encodeTrashPath(originalPath)}\nDeletionDate=${formatDeletionDate(deletedAt)}\n`;
}

/**
 * Reads a `.trashinfo` file's text; null when it is not one (no `[Trash Info]` group or no `Path=`).
 * Keys are read from the `[Trash Info]` group only; other groups and unknown keys are ignored.
 */
export function parseTrashInfo(text: string): TrashInfo | null {
  let inGroup = false;
  let seenGroup = false;
  let path: string | undefined;
  let date: string | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.startsWith('[')) {
      inGroup = line.trim() === '[Trash Info]';
      seenGroup ||= inGroup;
      continue;
    }
    if (!inGroup) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1);
    if (key === 'Path' && path === undefined) path = value;
    else if (key === 'DeletionDate' && date === undefined) date = value;
  }
  if (!seenGroup || path === undefined || path === '') return null;
  return { path: decodeTrashPath(path), deletedAtMs: date === undefined ? null : parseDeletionDate(date) };
}
