/**
 * The current folder in the window's URL hash (`#<folder>`), so reloads and new windows open there.
 * A path whose names are not valid UTF-8 holds lone surrogates (the engine's escaped bytes), which
 * encodeURIComponent refuses (URIError): such a path is written as `#json:` and its JSON text, whose
 * `\udcff` escapes are plain ASCII. A folder path is absolute, so it never starts with `json:` itself.
 */
const JSON_PREFIX = 'json:';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function folderToHash(folder: string): string {
  return LONE_SURROGATE.test(folder) ? `#${JSON_PREFIX}${encodeURIComponent(JSON.stringify(folder))}` : `#${encodeURIComponent(folder)}`;
}

/** The folder a hash (without its '#') names, or null when it names none. */
export function hashToFolder(hash: string): string | null {
  if (!hash) return null;
  try {
    if (!hash.startsWith(JSON_PREFIX)) return decodeURIComponent(hash);
    const value: unknown = JSON.parse(decodeURIComponent(hash.slice(JSON_PREFIX.length)));
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
