import type { WebPreferences } from 'electron';

/**
 * Ferry's security settings as plain data, shared by the Electron shell and the browser host and
 * asserted by test/hosts/electron-security.test.ts. This file must not import `electron` at run time
 * (type imports are erased), so that Node tests can load it.
 */

/** The renderer's origin in Electron: a privileged custom scheme instead of file:// (see protocol.ts). */
export const APP_SCHEME = 'ferry';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether a URL is one of the app's own pages. Compares scheme and host, not `URL.origin`: WHATWG URL
 * gives a custom scheme an opaque origin ('null') even when Electron treats it as standard.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Everything the UI needs comes from its own origin: no inline scripts or styles, no eval, no remote
 * content, no plugins, no framing, no forms posting elsewhere. `data:` images only (icons).
 * `connect-src` gets the WebSocket origin in the browser host (see contentSecurityPolicy).
 */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
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

/** A BrowserWindow's webPreferences, apart from the preload path (known only at run time). */
export const WINDOW_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export function webPreferences(preload: string): WebPreferences {
  return { ...WINDOW_WEB_PREFERENCES, preload };
}
