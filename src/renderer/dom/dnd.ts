/** The drag payload between Ferry windows: a JSON array of absolute paths. */
export const FERRY_PATHS_MIME = 'application/x-ferry-paths';
/**
 * The paths being dragged, for the windows the drag passes over: during dragenter/dragover a browser
 * lets a page read a drag's types but not its data, yet the drop target must say "Move to…" or "Copy
 * to…" before the drop, which depends on where the sources are. Every Ferry window shares this origin's
 * localStorage, so the window the drag started in leaves the paths there.
 */
const DRAGGED_KEY = 'ferry.drag';
/** A drag lasts seconds: paths left longer ago belong to a drag that ended elsewhere. */
const DRAG_FRESH_MS = 60_000;

export function hasFerryPaths(dt: DataTransfer | null): boolean {
  return Boolean(dt && Array.from(dt.types).includes(FERRY_PATHS_MIME));
}

export function writeFerryPaths(dt: DataTransfer, paths: readonly string[]): void {
  dt.setData(FERRY_PATHS_MIME, JSON.stringify(paths));
  dt.setData('text/plain', paths.join('\n'));
  // Both: the drop decides (Finder's rule), and a browser refuses a drop whose effect was not allowed.
  dt.effectAllowed = 'copyMove';
  try { localStorage.setItem(DRAGGED_KEY, JSON.stringify({ paths, at: Date.now() })); } catch { /* storage denied: hints wait for the drop */ }
}

/** Files from outside the page (another app, or Ferry's own drag handed to the system in the desktop app). */
export function hasFiles(dt: DataTransfer | null): boolean {
  return Boolean(dt && Array.from(dt.types).includes('Files'));
}

/** The paths the latest drag started in a Ferry window carries, if it started moments ago. */
export function storedDragPaths(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(DRAGGED_KEY) ?? 'null') as { paths?: unknown; at?: unknown } | null;
    if (!stored || typeof stored.at !== 'number' || Date.now() - stored.at > DRAG_FRESH_MS) return [];
    return pathsIn(JSON.stringify(stored.paths ?? []));
  } catch {
    return [];
  }
}

/** The drag is over (dropped): its paths no longer describe what hovers a window. */
export function forgetDrag(): void {
  try { localStorage.removeItem(DRAGGED_KEY); } catch { /* storage denied */ }
}

function pathsIn(json: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json || '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
  } catch {
    return [];
  }
}

export function readFerryPaths(dt: DataTransfer | null): string[] {
  return pathsIn(dt?.getData(FERRY_PATHS_MIME));
}

/** The paths a Ferry drag carries, also while it only hovers (then from the window that started it). */
export function draggedFerryPaths(dt: DataTransfer | null): string[] {
  if (!hasFerryPaths(dt)) return [];
  const given = readFerryPaths(dt);
  return given.length > 0 ? given : storedDragPaths();
}
