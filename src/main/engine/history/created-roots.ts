import { DONE_CODES, type CheckpointRow } from '../copy/checkpoints';

/** One item of a transfer's entry: where it came from and where it is, relative to DEST ('/'-separated). */
export interface Landed {
  /** Its path in the job (SOURCE's name, then the path below it): where a move takes it back to. */
  rel: string;
  /** Where it is: `rel`, or the name it was kept under beside a taken one. */
  at: string;
}

export interface RootRules {
  /** Whether a file's done row is one this operation takes back on undo (a copy: those it created). */
  file(row: CheckpointRow): boolean;
  /** Whether a folder the job made goes back as one item (a move: not while its source folder is still there). */
  folder(rel: string): boolean;
}

/**
 * What a copy or a move put below a folder it merged into (its done checkpoint rows there), as the fewest
 * items that cover it: each folder it made and that can go back whole, unless a folder above it is one too,
 * and each file it takes back that is not in such a folder. Pure, so that every case is a row of a table
 * test (test/history/created-roots.test.ts); in the order of the items' places.
 */
export function createdRoots(rows: readonly CheckpointRow[], rules: RootRules): Landed[] {
  const folders = new Set<string>();
  for (const r of rows) if (r.code === DONE_CODES.made && rules.folder(r.rel)) folders.add(r.rel);
  const inFolder = (at: string): boolean => {
    for (let slash = at.indexOf('/'); slash !== -1; slash = at.indexOf('/', slash + 1)) {
      if (folders.has(at.slice(0, slash))) return true;
    }
    return false;
  };
  const roots: Landed[] = [];
  for (const rel of folders) if (!inFolder(rel)) roots.push({ rel, at: rel });
  for (const r of rows) {
    if (r.code === DONE_CODES.made || !rules.file(r)) continue;
    const at = r.destRel ?? r.rel;
    if (!inFolder(at)) roots.push({ rel: r.rel, at });
  }
  return roots.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
