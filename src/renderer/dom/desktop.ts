import type { DesktopBridge } from '../../shared/desktop';

declare global {
  interface Window {
    /** Set by Electron's preload: the system clipboard's files, drags to and from other apps. Absent in the browser host. */
    ferryDesktop?: DesktopBridge;
  }
}

/** The desktop app's extras, or null in the browser host. */
export const desktop: DesktopBridge | null = window.ferryDesktop ?? null;
