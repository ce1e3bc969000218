import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';
import { entriesMoved, entriesRemoved } from '../db/index-follow';
import { copyOperation, type Operation, type OperationContext } from '../copy/operation';
import { removeEmptiedFolders } from './emptied-folders';

/**
 * A move's job (docs/file-operations.md, "Moving"): the copy's operation (the same producers, destination
 * map, decisions, conflicts, pause, checkpoints) whose workers move each file instead of copying it
 * (copy/move-file.ts: a rename on the same file system, else a copy then the original removed once the
 * copy matches it). At the end: the destination's folder times restored, the emptied source folders
 * removed, and the library index told where things went.
 */
export function moveOperation(ctx: OperationContext): Operation {
  const c = ctx.config;
  // A resumed move starts from the disk: the source holds exactly what is left to move, while the index
  // still lists what an earlier run moved already (it follows at the end).
  const copy = copyOperation({ ...ctx, config: { ...c, useIndex: c.useIndex && !ctx.resume } });
  return {
    ...copy,
    settings: { ...copy.settings, move: { verify: c.verify === true } },
    // Every SOURCE renamed whole already: nothing to walk.
    estimate: () => ({ ...copy.estimate(), ...(c.sources.length === 0 ? { discoveryStarting: false } : {}) }),
    estimateFields: { operation: 'move' },
    completedFields: (t) => ({ operation: 'move', originalsRemoved: t.originalsRemoved, renamed: c.renamed?.length ?? 0 }),
    async completed() {
      await copy.completed();
      removeEmptiedFolders(c.sources);
      followIndex(ctx, c.sources, c.destination);
    },
  };
}

/**
 * A SOURCE that is gone was moved whole: its index rows follow it. One that is still there (some of it
 * stayed) loses its rows: the index no longer knows which of its files are where (a later index does).
 */
function followIndex(ctx: OperationContext, sources: readonly string[], destination: string): void {
  for (const source of sources) {
    const gone = fs.lstatSync(fsPath(source), { throwIfNoEntry: false }) === undefined;
    if (gone) entriesMoved(ctx.db, source, path.join(destination, path.basename(source)));
    else entriesRemoved(ctx.db, source);
  }
}
