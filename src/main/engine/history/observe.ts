import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';
import { kindOfStats } from '../fs/entry-kind';
import type { Observed, Step } from './disk-match';
import type { Snapshot } from './history-item';

/** The item at `p` as the history records it (lstat: a symlink is itself), or null when nothing is there. */
export function snapshotOf(p: string): Snapshot | null {
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(fsPath(p), { bigint: true });
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
  const kind = kindOfStats(st);
  return { kind, ino: st.ino.toString(), size: kind === 'dir' ? 0 : Number(st.size), mtimeNs: st.mtimeNs.toString() };
}

/** What the disk says about the places a step touches (`inTrash`: the Trash's answer, asked for every step at once). */
export function observe(step: Step, inTrash: ReadonlySet<string>): Observed {
  const source = step.from.place === 'trash'
    ? { inTrash: step.from.trashId !== undefined && inTrash.has(step.from.trashId) }
    : snapshotOf(step.from.path);
  if (step.to.place === 'trash') return { source };
  return { source, target: snapshotOf(step.to.path), targetParent: folderState(path.dirname(step.to.path)) };
}

/**
 * The folder a name goes into, followed if a link (a path through a symlinked folder is still that folder).
 * 'notDir' also when a file is on its path (ENOTDIR): no folder can be made there.
 */
function folderState(p: string): 'dir' | 'missing' | 'notDir' {
  try {
    return fs.statSync(fsPath(p)).isDirectory() ? 'dir' : 'notDir';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return 'notDir';
    if (isMissing(err)) return 'missing';
    throw err;
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
