/** POSIX-or-Windows path helpers for display and for "is this the same folder" checks (no Node in the UI). */
export function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function parentOf(path: string): string | null {
  const sep = separatorOf(path);
  const trimmed = path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path;
  const at = trimmed.lastIndexOf(sep);
  if (at < 0 || trimmed === sep) return null;
  if (at === 0) return sep;
  if (sep === '\\' && at === 2 && trimmed[1] === ':') return trimmed.slice(0, 3);
  return trimmed.slice(0, at);
}

export function baseName(path: string): string {
  const sep = separatorOf(path);
  const trimmed = path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf(sep) + 1) || trimmed;
}

/** True when `path` is `folder` or lies below it. */
export function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  const sep = separatorOf(folder);
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** `name` inside `folder` (the engine sends names; paths are the folder's path plus the name). */
export function joinPath(folder: string, name: string): string {
  const sep = separatorOf(folder);
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}
