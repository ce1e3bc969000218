/**
 * `Content-Disposition` per RFC 6266 with the RFC 8187 `filename*` parameter, so a download keeps its real
 * name whatever its characters, plus a plain ASCII `filename` for the rare client that ignores `filename*`.
 */

/** RFC 8187 attr-char: what `filename*` may carry unencoded. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

export function encodeRfc8187(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The quoted-string fallback: printable ASCII only; `"` and `\` would need escapes some clients get wrong,
 * and `%` some clients decode, so those and every non-ASCII character become `_`.
 */
export function asciiFallback(name: string): string {
  const ascii = Array.from(name, (c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' && c !== '%' ? c : '_')).join('');
  return ascii === '' ? 'download' : ascii;
}

export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  return `${kind}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
