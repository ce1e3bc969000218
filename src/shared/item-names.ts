/**
 * Which names a user may give an item (rename, new folder): pure, tested as a table. A refusal is a
 * sentence the UI shows next to the field and the CLI prints; null means the name can be used. Shared: the
 * engine decides, the rename field uses the same rules to say why before asking.
 */

/** Linux's NAME_MAX (and most file systems'): a name's length in bytes, not characters. */
export const MAX_NAME_BYTES = 255;

export function nameRefusal(name: string): string | null {
  if (name === '') return 'A name cannot be empty.';
  if (name === '.' || name === '..') return `\u201c${name}\u201d is reserved: choose another name.`;
  if (name.includes('/')) return 'A name cannot contain \u201c/\u201d.';
  if (name.includes('\0')) return 'A name cannot contain a NUL character.';
  const bytes = nameBytes(name);
  if (bytes > MAX_NAME_BYTES) return `The name is too long: ${bytes} bytes, at most ${MAX_NAME_BYTES}.`;
  return null;
}

/**
 * Two names a case-insensitive (or normalisation-insensitive) file system may take for one entry: equal
 * once both are NFC and lower case. Only a hint: the rename also checks that both resolve to one inode.
 */
export function sameIgnoringCase(a: string, b: string): boolean {
  return a !== b && a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/** Extensions of two parts that a rename keeps whole, as GNOME Files does ("photos.tar.gz": "photos"). */
const DOUBLE_EXTENSIONS = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tar.zst', '.tar.lz', '.tar.Z'];

/** The part of a name the rename field selects: up to the extension, but all of ".bashrc" or "archive". */
export function stemLength(name: string): number {
  const lower = name.toLowerCase();
  const double = DOUBLE_EXTENSIONS.find((e) => lower.endsWith(e.toLowerCase()) && lower.length > e.length);
  if (double) return name.length - double.length;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? dot : name.length;
}

/** "New Folder", then "New Folder 2", "New Folder 3"…, in the order a new folder tries them. */
export function* newFolderNames(base = 'New Folder'): Generator<string> {
  yield base;
  for (let n = 2; n < 100_000; n++) yield `${base} ${n}`;
}

/**
 * A name's length in bytes on disk: UTF-8, except that a lone surrogate U+DC80…U+DCFF stands for one raw
 * byte (the engine's escape of bytes that are not UTF-8, fs/byte-names.ts).
 */
export function nameBytes(name: string): number {
  let bytes = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < name.length && (name.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff) bytes += 1;
    else bytes += 3;
  }
  return bytes;
}
