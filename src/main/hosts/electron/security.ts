import type { WebPreferences } from 'electron';

/**
 * The Electron shell's own security settings as plain data: the app's origin and the windows' webPreferences,
 * asserted by test/hosts/electron-security.test.ts. The headers both hosts send are in ../web-security.ts.
 * This file must not import `electron` at run time (type imports are erased), so that Node tests can load it.
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
