/** The drag payload between Ferry windows: a JSON array of absolute paths. */
export const FERRY_PATHS_MIME = 'application/x-ferry-paths';

export function hasFerryPaths(dt: DataTransfer | null): boolean {
  return Boolean(dt && Array.from(dt.types).includes(FERRY_PATHS_MIME));
}

export function writeFerryPaths(dt: DataTransfer, paths: readonly string[]): void {
  dt.setData(FERRY_PATHS_MIME, JSON.stringify(paths));
  dt.setData('text/plain', paths.join('\n'));
  dt.effectAllowed = 'copy';
}

export function readFerryPaths(dt: DataTransfer | null): string[] {
  try {
    const value: unknown = JSON.parse(dt?.getData(FERRY_PATHS_MIME) || '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
  } catch {
    return [];
  }
}
