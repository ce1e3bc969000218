import { BrowserWindow, type WebContents } from 'electron';
import { APP_ENTRY_URL } from './protocol';
import { isAppUrl, webPreferences } from './security';

/**
 * Ferry's file-browser windows. New windows come only from here (menu, Ctrl/Cmd+N, a second launch):
 * the renderer can neither open windows nor navigate away from the app's origin.
 */
export class WindowManager {
  private readonly windows = new Set<BrowserWindow>();

  constructor(private readonly preloadPath: string) {}

  /** `url`: an app URL, e.g. with the `#<folder>` hash a window opens at (New Window opens where you are). */
  create(url: string = APP_ENTRY_URL): BrowserWindow {
    const previous = BrowserWindow.getFocusedWindow();
    const [x, y] = previous ? previous.getPosition().map((v) => v + 24) : [undefined, undefined];
    const win = new BrowserWindow({
      width: 1100,
      height: 720,
      minWidth: 520,
      minHeight: 360,
      x,
      y,
      title: 'Ferry',
      show: false,
      webPreferences: webPreferences(this.preloadPath),
    });
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => this.windows.delete(win));
    this.windows.add(win);
    void win.loadURL(isAppUrl(url) ? url : APP_ENTRY_URL);
    return win;
  }

  all(): BrowserWindow[] {
    return [...this.windows].filter((w) => !w.isDestroyed());
  }

  /** Whether IPC from these webContents may call the API: one of our windows, showing our origin. */
  isTrusted(contents: WebContents, frameUrl: string | undefined): boolean {
    if (!frameUrl || !isAppUrl(frameUrl)) return false;
    return this.all().some((w) => w.webContents === contents);
  }

  focusOrCreate(): void {
    const [first] = this.all();
    if (!first) {
      this.create();
      return;
    }
    if (first.isMinimized()) first.restore();
    first.focus();
  }
}

/**
 * No navigation away from the app and no <webview>. The page cannot open windows itself: a
 * `window.open` of an app URL (the renderer's "New Window") is turned into one of our own windows,
 * made by the factory with the locked-down options; anything else is denied.
 */
export function lockDown(contents: WebContents, openAppWindow: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAppUrl(url)) openAppWindow(url);
    return { action: 'deny' };
  });
}
