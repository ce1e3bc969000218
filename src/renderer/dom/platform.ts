import type { Platform } from '../lib/drop-operation';

/** macOS keeps its own keys: Enter renames (Cmd+Down opens), Cmd instead of Ctrl. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** Which platform's conventions this window follows (modifier keys, menu items): macOS's, or the others'. */
export const platform: Platform = isMac() ? 'mac' : 'other';
