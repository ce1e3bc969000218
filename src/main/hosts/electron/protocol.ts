import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { resolveStaticFile, contentType } from '../static-files';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../web-security';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './security';
import { FILE_PATH, fileRequestPath, userFilePolicy } from './file-request';

/**
 * The renderer is served from `ferry://app/…` rather than file://: a file:// page may read any file
 * its URL can name, has an opaque origin that CSP 'self' handles poorly, and gets no response headers
 * (so no CSP header). The custom scheme is standard and secure, so 'self', fetch and ES modules work.
 */
export function registerAppScheme(): void {
  // Must run before the app is ready.
  protocol.registerSchemesAsPrivileged([
    // stream: Quick Look's audio and video seek with range requests on ferry://app/file.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves the built renderer folder on the scheme, with the same path checks as the browser host. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isAppUrl(request.url) || request.method !== 'GET') return new Response('Not found', { status: 404 });
    if (new URL(request.url).pathname === FILE_PATH) return serveUserFile(request);
    const file = await resolveStaticFile(rendererDir, rawPathOf(request.url));
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders() });
    const body = await fs.promises.readFile(file);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders(CONTENT_SECURITY_POLICY), 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' },
    });
  });
}

/**
 * A user's file for Quick Look (`ferry://app/file?path=ABS`, what the renderer's fileUrl names): a symlink is
 * followed, and the target must be a regular file. Chromium's file loader does the rest (type by extension,
 * byte ranges for media); the answer gets our headers, with every document sandboxed (file-request.ts).
 */
async function serveUserFile(request: Request): Promise<Response> {
  const asked = fileRequestPath(request.url);
  if (!asked.ok) return new Response('Bad request', { status: asked.status, headers: securityHeaders() });
  let target: string;
  try {
    target = await fs.promises.realpath(asked.path);
    if (!(await fs.promises.stat(target)).isFile()) return new Response('Not a file', { status: 409, headers: securityHeaders() });
  } catch {
    return new Response('Not found', { status: 404, headers: securityHeaders() });
  }
  const range = request.headers.get('range');
  const loaded = await net.fetch(pathToFileURL(target).toString(), { headers: range ? { range } : {} });
  const headers = new Headers(loaded.headers);
  for (const [name, value] of Object.entries(securityHeaders(userFilePolicy(target)))) headers.set(name, value);
  headers.set('X-Frame-Options', 'SAMEORIGIN');
  headers.set('Cache-Control', 'no-store');
  return new Response(loaded.body, { status: loaded.status, headers });
}

/**
 * The path as sent, still percent-encoded (URL.pathname keeps escapes like %2e%2e but would already
 * have resolved literal `..` segments; the resolver refuses both anyway).
 */
function rawPathOf(url: string): string {
  return new URL(url).pathname;
}

/** The URL a new window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
