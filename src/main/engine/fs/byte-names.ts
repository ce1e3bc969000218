import * as fs from 'node:fs';

/**
 * File names on Linux are bytes, not text. Node decodes them as UTF-8 and replaces every byte that is
 * not valid UTF-8 with U+FFFD, so a name such as b'\xff\xfe.txt' comes back as '��.txt' and no call can
 * reach the file through that string any more.
 *
 * Ferry keeps such a name exactly, as a string in which each byte that is not part of valid UTF-8 is the
 * lone surrogate U+DC00 + byte (U+DC80…U+DCFF) — Python's "surrogateescape" (PEP 383). Valid UTF-8 can
 * never decode to a lone surrogate, so the mapping is one-to-one; a name that is valid UTF-8 is the same
 * string as before. Such strings travel unchanged through worker messages and JSON (JSON.stringify writes
 * a lone surrogate as `\udcff`), and `fsPath` turns one back into the exact bytes for a file-system call.
 * A UI shows a lone surrogate as the replacement character.
 */

const ESCAPE_BASE = 0xdc00;
/** A lone surrogate in U+DC80…U+DCFF: not preceded by a high surrogate, so not half of a valid pair. */
const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** Whether `s` holds a byte that is not valid UTF-8 (escaped as a lone surrogate). */
export function hasEscapedBytes(s: string): boolean {
  return ESCAPED.test(s);
}

/** What to hand a file-system call: `p` itself, or its exact bytes when it holds escaped bytes. */
export function fsPath(p: string): string | Buffer {
  return ESCAPED.test(p) ? encodeName(p) : p;
}

/** The bytes a name or path stands for (the inverse of `decodeName`). */
export function encodeName(s: string): Buffer {
  const parts: Buffer[] = [];
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && isHigh(s.charCodeAt(i - 1)))) {
      if (i > run) parts.push(Buffer.from(s.slice(run, i), 'utf8'));
      parts.push(Buffer.of(c - ESCAPE_BASE));
      run = i + 1;
    }
  }
  if (run === 0) return Buffer.from(s, 'utf8');
  if (run < s.length) parts.push(Buffer.from(s.slice(run), 'utf8'));
  return Buffer.concat(parts);
}

/** A name's bytes as a string: UTF-8 where they are valid UTF-8, each other byte escaped (see above). */
export function decodeName(bytes: Uint8Array): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  let run = 0;
  let i = 0;
  while (i < buf.length) {
    const n = validSequenceLength(buf, i);
    if (n > 0) { i += n; continue; }
    if (i > run) out += buf.toString('utf8', run, i);
    out += String.fromCharCode(ESCAPE_BASE + buf[i]!);
    i++;
    run = i;
  }
  return run === 0 ? buf.toString('utf8') : out + buf.toString('utf8', run);
}

/** The names in a folder, exactly (names that are not valid UTF-8 escaped). */
export function readNames(dir: string): string[] {
  const names = fs.readdirSync(fsPath(dir));
  // U+FFFD in a name is either Node's replacement of a byte it could not decode, or a real U+FFFD:
  // only then are the names read again as bytes (rare, and a real U+FFFD decodes to itself).
  if (!names.some(mayBeReplaced)) return names;
  return fs.readdirSync(fsPath(dir), { encoding: 'buffer' }).map(decodeName);
}

/** A folder's entries with their types, names exact (as `readNames`). */
export function readEntries(dir: string): fs.Dirent[] {
  const entries = fs.readdirSync(fsPath(dir), { withFileTypes: true });
  if (!entries.some((d) => mayBeReplaced(d.name))) return entries;
  return fs.readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' }).map((d) => {
    // A Dirent whose name is the decoded string: the type methods read only its type field.
    Object.defineProperty(d, 'name', { value: decodeName(d.name as unknown as Buffer), enumerable: true });
    return d as unknown as fs.Dirent;
  });
}

/**
 * `p` resolved through symlinks (realpath(3)), exactly: Node would decode the result as UTF-8 and so
 * replace any byte that is not, in `p` or in a link's target; such a result is read again as bytes.
 */
export function realpathExact(p: string): string {
  const real = fs.realpathSync.native(fsPath(p));
  return mayBeReplaced(real) ? decodeName(fs.realpathSync.native(fsPath(p), { encoding: 'buffer' })) : real;
}

/** A name fit for showing (and for UTF-8 text such as SQLite's): each escaped byte becomes U+FFFD. */
export { displayName } from '../../../shared/display-name';

/** Whether `name` may hold a byte Node replaced with U+FFFD (then only a read as bytes tells). */
export function mayBeReplaced(name: string): boolean {
  return name.includes('\ufffd');
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The length of the valid UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or 0. */
function validSequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1]!;
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 >= 0xa0) return 0; // a surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1]!;
    if (c === 0xf0 && c1 < 0x90) return 0; // overlong
    if (c === 0xf4 && c1 >= 0x90) return 0; // above U+10FFFF
    return 4;
  }
  return 0;
}
