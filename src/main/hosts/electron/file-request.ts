import * as path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

/** The Electron shell's file route: `ferry://app/file?path=ABS`, the same address the renderer's fileUrl builds. */
export const FILE_PATH = '/file';

/**
 * Which user file a `ferry://app/file?path=…` request names, or why it is refused: the path must be absolute
 * and already normal (no `.`/`..`, `//`, trailing `/` or NUL), like the browser host's GET /file. Plain data
 * (no electron import), so the decision is tested under Node.
 */
export function fileRequestPath(url: string): { ok: true; path: string } | { ok: false; status: number } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.pathname !== FILE_PATH) return { ok: false, status: 404 };
  const p = u.searchParams.get('path');
  if (!p || p.includes('\0') || !path.isAbsolute(p)) return { ok: false, status: 400 };
  if (path.normalize(p) !== p || (p.length > 1 && p.endsWith('/'))) return { ok: false, status: 400 };
  return { ok: true, path: p };
}

/**
 * The CSP of a user's file in the shell. The app's pages run on this very origin with the preload's API, so a
 * document from disk (HTML, SVG, anything a frame could render) must never run as it: every file is sandboxed
 * (an opaque origin, no scripts), except PDFs, which Chromium's viewer cannot show sandboxed and which run no
 * page script of theirs.
 */
export function userFilePolicy(file: string): string {
  return path.extname(file).toLowerCase() === '.pdf'
    ? "frame-ancestors 'self'"
    : "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
}
