import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import type { TrashedItem } from '../../../../shared/trash';

/**
 * Which trashed item a person means on the command line (pure): its id (as `--list --json` prints it),
 * else its original path (relative to the current folder; the most recently trashed of that path), else
 * its name when only one trashed item has it. Refused with the candidates' original places otherwise.
 */
export function pickTrashed(items: TrashedItem[], given: string, cwd: string): TrashedItem {
  const byId = items.find((i) => i.id === given);
  if (byId) return byId;
  const original = path.resolve(cwd, given);
  // `items` comes newest first (listTrash): the first match is the latest trashed at that path.
  const byPath = items.find((i) => i.originalPath === original);
  if (byPath) return byPath;
  const byName = items.filter((i) => i.name === given);
  const places = [...new Set(byName.map((i) => i.originalPath))];
  if (places.length === 1) return byName[0]!;
  if (places.length > 1) {
    throw new FerryError('INVALID_INPUT', `Trashed items from ${places.length} places are named ${given}; give the original path of one:\n${places.map((p) => `  ${p}`).join('\n')}`);
  }
  throw new FerryError('TRASH_ITEM_NOT_FOUND', `Nothing in the trash is named ${given} or was at ${original} (see ferry trash --list)`);
}
