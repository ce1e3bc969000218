/**
 * The security headers both hosts send (the Electron shell's ferry:// protocol and the browser host): the CSP
 * and the rest, as plain data asserted by test/hosts/web-security.test.ts. No electron import: the browser host
 * and the CLI load this under plain Node.
 */

/**
 * Everything the UI needs comes from its own origin: no inline scripts or styles, no eval, no remote
 * content, no plugins, no forms posting elsewhere. `data:` images only (icons, thumbnails); media and frames from
 * the own origin only (Quick Look's previews through the file route).
 * `connect-src` gets the WebSocket origin in the browser host (see contentSecurityPolicy).
 */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  // Quick Look plays audio and video and frames PDFs from the host's own file route (same origin only).
  ['media-src', "'self'"],
  ['frame-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['manifest-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The CSP with extra `connect-src` sources, e.g. `ws://127.0.0.1:7317` for the browser host's API. */
export function contentSecurityPolicy(extraConnectSrc: readonly string[] = []): string {
  return DIRECTIVES.map(([name, value]) =>
    name === 'connect-src' && extraConnectSrc.length ? `${name} ${value} ${extraConnectSrc.join(' ')}` : `${name} ${value}`,
  ).join('; ');
}

/** The CSP of the Electron windows (header) and of index.html's `<meta http-equiv>` tag. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers every response of ours carries, in both hosts. */
export function securityHeaders(csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
