import * as fs from 'node:fs';
import { protocol } from 'electron';
import { resolveStaticFile, contentType } from '../static-files';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../web-security';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './security';

/**
 * The renderer is served from `ferry://app/…` rather than file://: a file:// page may read any file
 * its URL can name, has an opaque origin that CSP 'self' handles poorly, and gets no response headers
 * (so no CSP header). The custom scheme is standard and secure, so 'self', fetch and ES modules work.
 */
export function registerAppScheme(): void {
  // Must run before the app is ready.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer folder on the scheme, with the same path checks as the browser host. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isAppUrl(request.url) || request.method !== 'GET') return new Response('Not found', { status: 404 });
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
 * The path as sent, still percent-encoded (URL.pathname keeps escapes like %2e%2e but would already
 * have resolved literal `..` segments; the resolver refuses both anyway).
 */
function rawPathOf(url: string): string {
  return new URL(url).pathname;
}

/** The URL a new window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
