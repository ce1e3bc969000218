import { z } from 'zod';

/**
 * The undo history as it crosses the API (docs/events.md "Undo and redo"). The engine keeps it in the
 * library database: one list shared by every window and process, kept across restarts.
 */
export const HistoryKind = z.enum(['rename', 'newFolder', 'move', 'copy', 'trash']);
export type HistoryKind = z.infer<typeof HistoryKind>;

export const HistoryEntrySummary = z.object({
  id: z.number().int(),
  kind: HistoryKind,
  /** What the operation was, as a menu says it after "Undo "/"Redo ": "Move of 3 Items", "Rename". */
  label: z.string(),
  /** done: undoing it is next (or further down the undo stack); undone: it is on the redo stack. */
  state: z.enum(['done', 'undone']),
  /** Where the items are while the operation is done (the first few), for a history list. */
  paths: z.array(z.string()),
  itemCount: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type HistoryEntrySummary = z.infer<typeof HistoryEntrySummary>;

export const HistoryState = z.object({
  /** The operation Ctrl/Cmd+Z undoes next; null when there is none. */
  undo: HistoryEntrySummary.nullable(),
  /** The operation Ctrl/Cmd+Shift+Z redoes next; null when there is none. */
  redo: HistoryEntrySummary.nullable(),
  /** Newest first: the redo stack above the undo stack. */
  entries: z.array(HistoryEntrySummary),
  /** Changes whenever the history does (in any process): a window polls this to know when to refresh its labels. */
  revision: z.number(),
});
export type HistoryState = z.infer<typeof HistoryState>;

/** What an undo or redo did: the operation, and where its items are now. */
export const HistoryStep = z.object({ entry: HistoryEntrySummary, paths: z.array(z.string()) });
export type HistoryStep = z.infer<typeof HistoryStep>;
