/**
 * Names read from disk keep each byte that is not valid UTF-8 as a lone surrogate U+DC80…U+DCFF
 * (src/main/engine/fs/byte-names.ts). Shown to a person, or written where text must be valid UTF-8,
 * each such byte becomes the replacement character; the name itself (what goes back to the engine)
 * stays as it is, so the exact file is reached.
 */
const ESCAPED_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;
const ESCAPED_BYTES = new RegExp(ESCAPED_BYTE.source, 'g');

/** `s` with each escaped byte shown as U+FFFD (the same string when it has none). */
export function displayName(s: string): string {
  return ESCAPED_BYTE.test(s) ? s.replace(ESCAPED_BYTES, '\ufffd') : s;
}
