import * as fs from 'node:fs';
import { FerryError } from '../../../shared/errors';
import { entriesMoved } from '../db/index-follow';
import type { Db } from '../db/library';
import { fsPath } from '../fs/byte-names';
import type { HistoryActions } from './history-actions';

/**
 * The history's actions over the engine's own operations. Each one is the code a user's own operation
 * runs; those not in this build yet refuse with UNSUPPORTED (the step is refused before anything changes:
 * the executor checks, then calls these).
 */
export function engineActions(db: Db): HistoryActions {
  const unsupported = (what: string) => () =>
    Promise.reject(new FerryError('UNSUPPORTED', `${what} is not available in this build of Ferry`));
  return {
    // The executor has checked that `to` is free and in the same folder; the index follows, as it does a rename.
    rename: async (from, to) => {
      await fs.promises.rename(fsPath(from), fsPath(to));
      entriesMoved(db, from, to);
    },
    move: unsupported('Moving'),
    trash: unsupported('The Trash'),
    restore: unsupported('The Trash'),
    inTrash: unsupported('The Trash'),
  };
}
