import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';
import { entriesMoved, isIndexed } from '../db/index-follow';
import { filesMoved, type MovedFile } from '../db/index-follow-files';
import { Checkpoints } from '../copy/checkpoints';
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
    // What moved before the Cancel is at DEST: its rows go with it (a failed or interrupted move can be
    // resumed, and its end follows then; following twice would drop the rows a first follow carried).
    cancelled: () => followIndex(ctx, c.sources, c.destination),
  };
}

/**
 * A SOURCE that is gone, whose place at DEST the index did not know, was moved whole: its rows follow it as
 * one subtree. Otherwise the rows follow file by file (db/index-follow-files.ts): the job's checkpoints say
 * which files left (and under which name), what stayed keeps its rows, and rows at DEST that were there
 * before the move (a merge) keep theirs.
 */
function followIndex(ctx: OperationContext, sources: readonly string[], destination: string): void {
  const checkpoints = new Checkpoints(ctx.db, ctx.jobId);
  for (const source of sources) {
    const target = path.join(destination, path.basename(source));
    const gone = fs.lstatSync(fsPath(source), { throwIfNoEntry: false }) === undefined;
    if (gone && !isIndexed(ctx.db, target)) entriesMoved(ctx.db, source, target);
    else filesMoved(ctx.db, source, destination, movedFiles(checkpoints, path.basename(source)));
  }
}

function* movedFiles(checkpoints: Checkpoints, name: string): Generator<MovedFile[]> {
  for (const page of checkpoints.doneUnder(name)) yield page.map((r) => ({ rel: r.rel, destRel: r.destRel ?? r.rel }));
}
