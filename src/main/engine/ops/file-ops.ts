import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FerryError } from '../../../shared/errors';
import type { FerryEvent } from '../../../shared/events';
import { entriesMoved, entriesRemoved } from '../db/index-follow';
import type { Db } from '../db/library';
import { fsPath } from '../fs/byte-names';
import type { JobHandle, JobManager } from '../jobs/job-manager';
import { startDeleteJob } from './delete-job';
import { deleteTargets } from './delete-targets';
import { withOpErrors } from './op-errors';
import { renameItem } from './rename-item';

/**
 * The file operations beyond copy that the facade routes to (docs/file-operations.md): each a function
 * over paths, returning what the undo history needs to reverse it (the new path, the created folder).
 */
export { renameItem } from './rename-item';
export { createFolder } from './create-folder';

/** A rename whose library index follows (docs/file-operations.md, "The index follows"): what the facade runs. */
export async function renameFollowed(db: Db, itemPath: string, newName: string): Promise<string> {
  const from = path.resolve(itemPath);
  const to = await renameItem(from, newName);
  if (to !== from) entriesMoved(db, from, to);
  return to;
}

/** The index forgets what a delete removed (each top-level item that is wholly gone). */
export function followRemoved(db: Db, paths: string[]): void {
  for (const p of paths) entriesRemoved(db, p);
}

export interface DeleteRequest {
  jobs: JobManager;
  paths: string[];
  /** The library's location roots: never deleted (remove the location first). */
  locationRoots: string[];
  onEvent?: (event: FerryEvent) => void;
  onRemoved?: (paths: string[]) => void;
  home?: string;
}

/** Checks the whole request (refusals, every path present) before anything is removed, then starts the job. */
export async function deleteItems(req: DeleteRequest): Promise<JobHandle> {
  const targets = deleteTargets(req.paths, { home: req.home ?? os.homedir(), locationRoots: req.locationRoots });
  if (targets.refusal) throw new FerryError('INVALID_INPUT', targets.refusal);
  for (const p of targets.remove) {
    const st = await fs.promises.lstat(fsPath(p)).catch(() => null);
    if (!st) throw new FerryError('SOURCE_NOT_FOUND', `No such file or directory: ${p}`, p);
  }
  return startDeleteJob({ jobs: req.jobs, paths: targets.remove, onEvent: req.onEvent, onRemoved: req.onRemoved });
}

/** Opens a file with the system's application through the host's opener (the desktop app's `shell.openPath`). */
export async function openItem(p: string, openPath: ((p: string) => Promise<string>) | undefined): Promise<Record<string, never>> {
  if (!openPath) {
    throw new FerryError('INVALID_INPUT', 'Only the desktop app opens files with their application; the browser opens them in a tab.');
  }
  return withOpErrors(p, async () => {
    await fs.promises.stat(fsPath(p));
    const problem = await openPath(p);
    if (problem) throw new FerryError('INTERNAL', `Could not open \u201c${p}\u201d: ${problem}`, p);
    return {};
  });
}
