import { compareModified } from '../../shared/copy-times';

/** What the conflict modal needs of a conflict to label its two rows. */
export interface ConflictTimes { sourceModified: number; destModified: number }

/**
 * The row headings of the conflict modal: the newer one says so, and an existing item with the time a
 * copy of the source would have (an identical earlier copy, even on a filesystem that keeps coarser
 * times) says "same date" — by the rule the engine's resume and skip-newer use.
 */
export function conflictRowLabels(c: ConflictTimes): { existing: string; copying: string } {
  switch (compareModified(c.destModified, c.sourceModified)) {
    case 'same': return { existing: 'Existing (same date)', copying: 'Copying' };
    case 'destinationNewer': return { existing: 'Existing (newer)', copying: 'Copying' };
    case 'sourceNewer': return { existing: 'Existing', copying: 'Copying (newer)' };
  }
}
