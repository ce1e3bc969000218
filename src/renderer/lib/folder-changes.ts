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

/**
 * The renames within one change, old path → new path. A watched folder reports `mv a b` as `a` gone and `b`
 * there (inotify's rename cookie does not reach Node), so a removed row and an arriving entry are paired when
 * they are the same inode, of the same kind, and — for anything but a folder — of the same size and mtime: a
 * rename changes neither, while a file created in an inode freed within the same batch (ext4 reuses them at
 * once) has a new mtime. No device is compared: both names are entries of this one folder, rename(2) never
 * crosses file systems, and the only entries on another device, mount points, cannot be renamed (EBUSY).
 * Each side pairs once; an entry that replaced a row of its own name pairs too (a temp file renamed over it).
 */
export function pairRenames(
  entries: readonly FolderEntry[], folder: string, changed: readonly ListedEntry[], removed: readonly string[],
): Map<string, string> {
  const renamed = new Map<string, string>();
  if (changed.length === 0 || removed.length === 0) return renamed;
  const gone = new Set(removed);
  const goneRows = entries.filter((e) => gone.has(e.name) && e.ino !== undefined);
  const taken = new Set<ListedEntry>();
  for (const row of goneRows) {
    const to = changed.find((e) => !taken.has(e) && !gone.has(e.name) && sameItem(row, e));
    if (!to) continue;
    taken.add(to);
    renamed.set(row.path, joinPath(folder, to.name));
  }
  return renamed;
}

function sameItem(row: ListedEntry, arrived: ListedEntry): boolean {
  if (row.ino !== arrived.ino || row.kind !== arrived.kind) return false;
  return row.kind === 'dir' || (row.size === arrived.size && row.mtimeMs === arrived.mtimeMs);
}

function sameEntry(a: ListedEntry, b: ListedEntry): boolean {
  return a.kind === b.kind && a.size === b.size && a.mtimeMs === b.mtimeMs && a.hidden === b.hidden && a.noAccess === b.noAccess
    && a.ino === b.ino;
}
