import type { FolderEntry, ListedEntry } from '../../shared/types';
import { joinPath } from './paths';

/**
 * A listing's entries after a watched folder's change: changed entries replace theirs in place, new ones
 * are added at the end (the rows are sorted for display anyway), removed names go. The same array back
 * when nothing differs, so that an echo of a change already shown costs no re-render.
 */
export function applyFolderChange(
  entries: readonly FolderEntry[], folder: string, changed: readonly ListedEntry[], removed: readonly string[],
): readonly FolderEntry[] {
  if (changed.length === 0 && removed.length === 0) return entries;
  const gone = new Set(removed);
  const incoming = new Map(changed.map((e) => [e.name, e]));
  let differs = false;
  const next: FolderEntry[] = [];
  for (const entry of entries) {
    if (gone.has(entry.name) && !incoming.has(entry.name)) { differs = true; continue; }
    const update = incoming.get(entry.name);
    if (update) {
      incoming.delete(entry.name);
      if (!sameEntry(entry, update)) {
        differs = true;
        next.push({ ...update, path: entry.path });
        continue;
      }
    }
    next.push(entry);
  }
  for (const added of incoming.values()) {
    differs = true;
    next.push({ ...added, path: joinPath(folder, added.name) });
  }
  return differs ? next : entries;
}

function sameEntry(a: ListedEntry, b: ListedEntry): boolean {
  return a.kind === b.kind && a.size === b.size && a.mtimeMs === b.mtimeMs && a.hidden === b.hidden && a.noAccess === b.noAccess;
}
