/* eslint-disable @typescript-eslint/no-require-imports -- the operations load on first use, as in the facade */
import * as path from 'node:path';
import { FerryError } from '../../../shared/errors';
import type { CopyService } from '../copy/copy-service';
import type { Db } from '../db/library';
import type { HistoryActions } from './history-actions';

export interface EngineParts {
  db: Db;
  /** The copy service (loaded on first use), whose `operation: 'move'` is the move engine. */
  copies(): CopyService;
}

/**
 * The history's actions over the engine's own operations: each one is the code a user's own operation
 * runs (so the index follows, and a move goes back across file systems as it came), called directly, not
 * through the facade, so that an undo is not recorded as a new operation. Those not in this build yet
 * refuse with UNSUPPORTED (the step is refused before anything changes: the executor checks, then calls these).
 */
export function engineActions(parts: EngineParts): HistoryActions {
  const unsupported = (what: string) => () =>
    Promise.reject(new FerryError('UNSUPPORTED', `${what} is not available in this build of Ferry`));
  return {
    // The user's own rename (a case-only one included; the index follows); `to` was checked free, in the same folder.
    rename: async (from, to) => {
      const { renameFollowed } = require('../ops/file-ops') as typeof import('../ops/file-ops');
      await renameFollowed(parts.db, from, path.basename(to));
    },
    move: async (sources, folder) => {
      // 'skip': the landing places were checked free; one taken meanwhile is left alone, never overwritten.
      const handle = await parts.copies().start({ sources, destination: folder, overwrite: 'skip', operation: 'move' });
      const end = await handle.done;
      if (end.status !== 'done' || end.failedFiles > 0 || end.skippedFiles > 0) {
        throw new FerryError('INTERNAL', `Not everything could be moved back: ${end.message ?? `${end.failedFiles} failed, ${end.skippedFiles} skipped`} (see \`ferry jobs\`)`);
      }
    },
    trash: unsupported('The Trash'),
    restore: unsupported('The Trash'),
    inTrash: unsupported('The Trash'),
  };
}
