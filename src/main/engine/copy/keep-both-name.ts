import { encodeName, hasEscapedBytes } from '../fs/byte-names';

/**
 * Finder's "Keep Both" names: `name 2.ext`, `name 3.ext`… The number goes before the extension, a
 * compound archive extension stays whole (`archive 2.tar.gz`), a dot-file has no extension
 * (`.bashrc 2`), and a name already numbered continues from its number (`name 2.txt` → `name 3.txt`).
 */

const COMPOUND_EXTENSIONS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tar.zst', '.tar.lz', '.tar.lzma', '.tar.z'];

export function splitExtension(name: string): { stem: string; ext: string } {
  const lower = name.toLowerCase();
  for (const ext of COMPOUND_EXTENSIONS) {
    if (lower.endsWith(ext) && name.length > ext.length) {
      return { stem: name.slice(0, -ext.length), ext: name.slice(-ext.length) };
    }
  }
  const dot = name.lastIndexOf('.');
  // A leading dot marks a hidden name, not an extension; a trailing dot is part of the name.
  if (dot <= 0 || dot === name.length - 1) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext: name.slice(dot) };
}

/**
 * The longest name most file systems take: 255 bytes (ext4, XFS, Btrfs; APFS and NTFS count 255 UTF-8
 * bytes or UTF-16 units, which 255 UTF-8 bytes never exceed).
 */
export const NAME_MAX_BYTES = 255;

/**
 * The numbered variant `n` of `name` (n ≥ 2), continuing an existing " N" suffix. A name too long to take
 * the number loses characters at the end of its stem, as Finder shortens it, whole characters only (an
 * accent stays with its letter, an emoji is never split), so the result always fits in `maxBytes`.
 */
export function numberedName(name: string, n: number, maxBytes = NAME_MAX_BYTES): string {
  let { stem, ext } = splitExtension(name);
  const suffix = ` ${n}`;
  // An extension that leaves no room for one character of the stem is not kept apart from it.
  if (bytes(suffix + ext) >= maxBytes) {
    stem += ext;
    ext = '';
  }
  const m = / (\d+)$/.exec(stem);
  const base = m ? stem.slice(0, m.index) : stem;
  return `${fitBytes(base, maxBytes - bytes(suffix + ext))}${suffix}${ext}`;
}

/** A name's length on disk: a byte that is not UTF-8 (escaped, see byte-names.ts) is one byte, not U+FFFD's three. */
const bytes = (s: string): number => (hasEscapedBytes(s) ? encodeName(s).length : Buffer.byteLength(s, 'utf8'));

/** `s` cut after its last whole character (grapheme) that fits in `max` UTF-8 bytes. */
function fitBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes().segment(s)) {
    const b = bytes(segment);
    if (used + b > max) break;
    out += segment;
    used += b;
  }
  return out;
}

let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/**
 * The first free Finder-style name for `name` where `taken(candidate)` says whether a name is used.
 * Starts after the name's own number ("x 2.txt" → "x 3.txt"), else at 2.
 */
export function keepBothName(name: string, taken: (candidate: string) => boolean): string {
  const { stem } = splitExtension(name);
  const m = / (\d+)$/.exec(stem);
  let n = m ? Number(m[1]) + 1 : 2;
  if (!Number.isSafeInteger(n)) n = 2;
  for (;; n++) {
    const candidate = numberedName(name, n);
    if (!taken(candidate)) return candidate;
  }
}
