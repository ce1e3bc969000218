import { z } from 'zod';
import { EntryKind } from '../../../shared/types';
import type { HistoryItem as HistoryItemShape, Snapshot as SnapshotShape } from './history-item';

/**
 * The history's rows read back through schemas (a damaged row is never acted on). Loaded only when rows are
 * read (undo, redo, the history's list), never to record one: see history-item.ts.
 */
export const Snapshot = z.object({
  kind: EntryKind,
  ino: z.string(),
  size: z.number(),
  mtimeNs: z.string(),
});

export const HistoryItem = z.object({
  before: z.string(),
  after: z.string(),
  snapshot: Snapshot.optional(),
  trashId: z.string().optional(),
  replaced: z.boolean().optional(),
});
export const HistoryItems = z.array(HistoryItem);

// The schemas and the plain types agree both ways (a compile error here when one changes without the other).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [Same<z.infer<typeof Snapshot>, SnapshotShape>, Same<z.infer<typeof HistoryItem>, HistoryItemShape>] = [true, true];
void agree;
