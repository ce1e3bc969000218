/** macOS keeps its own keys: Enter renames (Cmd+Down opens), Cmd instead of Ctrl. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
