/* eslint-disable @typescript-eslint/no-require-imports -- the operations load on first use, as in the facade */
import * as path from 'node:path';
import { ERROR_CODES, FerryError, type ErrorCode } from '../../../shared/errors';
import { quotedName } from './history-item';
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
 * through the facade, so that an undo is not recorded as a new operation (the executor checks the disk
 * first, then calls these).
 */
export function engineActions(parts: EngineParts): HistoryActions {
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
    // The user's own Move to Trash: the items go to the Trash of their file system and the index follows.
    trash: async (paths) => {
      const { trashItems } = require('../trash/trash-put') as typeof import('../trash/trash-put');
      const { entriesRemoved } = require('../db/index-follow') as typeof import('../db/index-follow');
      const out = trashItems(paths);
      for (const item of out.items) entriesRemoved(parts.db, item.originalPath);
      const failed = out.failed[0];
      if (failed) {
        const others = out.items.length > 0 ? ` (${out.items.length} other item${out.items.length === 1 ? '' : 's'} went to the Trash)` : '';
        throw new FerryError((ERROR_CODES as readonly string[]).includes(failed.code) ? failed.code as ErrorCode : 'INTERNAL', `${failed.message}${others}`, failed.path);
      }
      // trashItems keeps the order of `paths` (each one went: none failed), and its originalPath has the
      // parent's symlinks resolved, so the order, not the path, pairs them.
      return out.items.map((i) => i.id);
    },
    restore: async (ids) => {
      const { restoreItems, findTrashed } = require('../trash/trash-store') as typeof import('../trash/trash-store');
      // Their names were checked free: one taken meanwhile (another program's) is left in the Trash, never replaced.
      const skipped = restoreItems(ids, 'skip').skipped[0];
      if (skipped) {
        const where = findTrashed(skipped).item.originalPath;
        throw new FerryError('NAME_TAKEN', `${quotedName(where)} could not be restored: its name is taken (it stays in the Trash)`, where);
      }
    },
    inTrash: async (ids) => {
      const { findTrashed } = require('../trash/trash-store') as typeof import('../trash/trash-store');
      const { allTrashDirs } = require('../trash/trash-dirs') as typeof import('../trash/trash-dirs');
      // The trash folders once for all (they are found from the mount table): an undone merge has thousands of items.
      const dirs = allTrashDirs();
      return ids.map((id) => {
        try {
          findTrashed(id, dirs);
          return true;
        } catch (err) {
          if (err instanceof FerryError && err.code === 'TRASH_ITEM_NOT_FOUND') return false;
          throw err;
        }
      });
    },
  };
}
