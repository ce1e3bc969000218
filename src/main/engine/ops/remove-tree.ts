import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeName, fsPath } from '../fs/byte-names';

/**
 * The doing of a permanent delete, depth first: a file or link is unlinked (a link is removed, never
 * followed), a folder emptied then removed. An entry that cannot be removed is reported and the walk goes
 * on; its folders stay (they are not empty), without a second report each. `stop()` is checked between
 * entries: what is gone is gone, the rest stays whole.
 */
export interface RemoveHooks {
  stop(): boolean;
  removed(entry: { bytes: number }): void;
  failed(p: string, err: unknown): void;
}

export interface TreeSize { entries: number; bytes: number }

/** Counts what a delete will remove (entries and file bytes), for a progress that knows its total. */
export async function measureTree(p: string, stop: () => boolean, into: TreeSize = { entries: 0, bytes: 0 }): Promise<TreeSize> {
  if (stop()) return into;
  const st = await fs.promises.lstat(fsPath(p)).catch(() => null);
  if (!st) return into;
  into.entries += 1;
  if (st.isDirectory()) {
    const names = await readNames(p);
    for (const name of names ?? []) await measureTree(path.join(p, name), stop, into);
  } else {
    into.bytes += st.size;
  }
  return into;
}

/** Removes `p` and everything under it; true when it is gone. */
export async function removeTree(p: string, hooks: RemoveHooks): Promise<boolean> {
  if (hooks.stop()) return false;
  let st: fs.Stats;
  try {
    st = await fs.promises.lstat(fsPath(p));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true; // already gone: nothing to do
    hooks.failed(p, err);
    return false;
  }
  if (!st.isDirectory()) {
    try {
      await fs.promises.unlink(fsPath(p));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
      hooks.failed(p, err);
      return false;
    }
    hooks.removed({ bytes: st.size });
    return true;
  }
  let names: string[];
  try {
    names = await fs.promises.readdir(fsPath(p), { encoding: 'buffer' }).then((bs) => bs.map(decodeName));
  } catch (err) {
    hooks.failed(p, err);
    return false;
  }
  let allGone = true;
  for (const name of names) {
    if (!(await removeTree(path.join(p, name), hooks))) allGone = false;
    if (hooks.stop()) return false;
  }
  if (!allGone) return false;
  try {
    await fs.promises.rmdir(fsPath(p));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    hooks.failed(p, err);
    return false;
  }
  hooks.removed({ bytes: 0 });
  return true;
}

async function readNames(p: string): Promise<string[] | null> {
  try {
    return (await fs.promises.readdir(fsPath(p), { encoding: 'buffer' })).map(decodeName);
  } catch {
    return null;
  }
}
