import type { HistoryKind, HistoryEntrySummary } from '../../../shared/history';
import type { Db } from '../db/library';
import { isHistoryKind, labelFor, type HistoryItem } from './history-item';

export interface HistoryEntry {
  id: number;
  kind: HistoryKind;
  label: string;
  state: 'done' | 'undone';
  items: HistoryItem[];
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: number; kind: HistoryKind; label: string; state: 'done' | 'undone'; items: string;
  created_at: number; updated_at: number; busy_pid: number | null;
}

/** The undo stack keeps this many operations; older ones are forgotten (their items stay as they are). */
export const MAX_DONE = 500;
/** A history list shows where the first few items are. */
const PATHS_SHOWN = 5;

/**
 * The `history` table: the undo stack (rows `done`, newest on top) and the redo stack (rows `undone`, the
 * oldest of them on top). It lives in the library database, so every window and process shares it and it
 * outlives restarts; a row being undone or redone is claimed (busy_pid), so two windows never run one step twice.
 */
export class HistoryStore {
  constructor(private readonly db: Db, private readonly pid = process.pid) {}

  /**
   * A new operation: the redo stack is emptied (what was undone can no longer be redone on top of it).
   * `replaces`: an entry this one takes the place of (the same job recorded again, whole), dropped unless
   * it is being undone or redone right now.
   */
  record(kind: HistoryKind, items: HistoryItem[], replaces?: number): HistoryEntry {
    const insert = this.db.transaction(() => {
      this.db.prepare("DELETE FROM history WHERE state = 'undone' AND busy_pid IS NULL").run();
      if (replaces !== undefined) this.db.prepare('DELETE FROM history WHERE id = ? AND busy_pid IS NULL').run(replaces);
      const now = this.nextTime();
      const { lastInsertRowid } = this.db.prepare(
        `INSERT INTO history (kind, label, state, items, created_at, updated_at) VALUES (?, ?, 'done', ?, ?, ?)`,
      ).run(kind, labelFor(kind, items), JSON.stringify(items), now, now);
      this.db.prepare(
        `DELETE FROM history WHERE state = 'done' AND busy_pid IS NULL AND id <= (
           SELECT id FROM history WHERE state = 'done' ORDER BY id DESC LIMIT 1 OFFSET ?)`,
      ).run(MAX_DONE);
      return { id: Number(lastInsertRowid), now };
    });
    // Built from what was written, not read back: reading goes through the schemas (zod), recording must not.
    const { id, now } = insert.immediate();
    return { id, kind, label: labelFor(kind, items), state: 'done', items, createdAt: now, updatedAt: now };
  }

  get(id: number): HistoryEntry | undefined {
    const row = this.db.prepare('SELECT * FROM history WHERE id = ?').get(id) as Row | undefined;
    return (row && toEntry(row)) ?? undefined;
  }

  /**
   * The entry an undo takes (the newest done) or a redo takes (the oldest undone). A damaged row cannot be
   * acted on: it is dropped, and the one below it is next.
   */
  next(direction: 'undo' | 'redo'): HistoryEntry | undefined {
    const read = this.db.prepare(direction === 'undo'
      ? "SELECT * FROM history WHERE state = 'done' ORDER BY id DESC LIMIT 1"
      : "SELECT * FROM history WHERE state = 'undone' ORDER BY id ASC LIMIT 1");
    for (;;) {
      const row = read.get() as Row | undefined;
      if (!row) return undefined;
      const entry = toEntry(row);
      if (entry) return entry;
      this.db.prepare('DELETE FROM history WHERE id = ?').run(row.id);
    }
  }

  /**
   * Claims `id` in `state` for this process; false when it is no longer in that state or another live
   * process holds it (a claim whose process died is taken over).
   */
  claim(id: number, state: 'done' | 'undone'): boolean {
    const tx = this.db.transaction(() => {
      const row = this.db.prepare('SELECT state, busy_pid FROM history WHERE id = ?').get(id) as Pick<Row, 'state' | 'busy_pid'> | undefined;
      if (!row || row.state !== state) return false;
      if (row.busy_pid !== null && row.busy_pid !== this.pid && isAlive(row.busy_pid)) return false;
      if (row.busy_pid === this.pid) return false; // this process is already running a step of it
      this.db.prepare('UPDATE history SET busy_pid = ? WHERE id = ?').run(this.pid, id);
      return true;
    });
    return tx.immediate();
  }

  /** Ends a claim without a change (a refusal, or a step that failed before it changed anything). */
  release(id: number): void {
    this.db.prepare('UPDATE history SET busy_pid = NULL WHERE id = ? AND busy_pid = ?').run(id, this.pid);
  }

  /** A step ran: the entry is now `state`, its items where the step put them. */
  finish(id: number, state: 'done' | 'undone', items: HistoryItem[]): HistoryEntry {
    this.db.transaction(() => {
      this.db.prepare('UPDATE history SET state = ?, items = ?, updated_at = ?, busy_pid = NULL WHERE id = ?')
        .run(state, JSON.stringify(items), this.nextTime(), id);
    }).immediate();
    return this.get(id)!;
  }

  /** Newest first: the redo stack, then the undo stack. */
  list(limit = 50): HistoryEntry[] {
    return (this.db.prepare('SELECT * FROM history ORDER BY id DESC LIMIT ?').all(limit) as Row[])
      .map(toEntry).filter((e): e is HistoryEntry => e !== null);
  }

  /** Grows with every change of the history, in any process. */
  revision(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(updated_at), 0) AS r FROM history').get() as { r: number }).r;
  }

  /** Now, or just after the newest change (two changes in one millisecond still change the revision). */
  private nextTime(): number {
    return Math.max(Date.now(), this.revision() + 1);
  }
}

export function summaryOf(entry: HistoryEntry): HistoryEntrySummary {
  const side = entry.state === 'done' ? 'after' : 'before';
  return {
    id: entry.id, kind: entry.kind, label: entry.label, state: entry.state,
    paths: entry.items.slice(0, PATHS_SHOWN).map((i) => i[side]), itemCount: entry.items.length,
    createdAt: entry.createdAt, updatedAt: entry.updatedAt,
  };
}

/** The row as an entry; null when it is damaged (read through the schema: never act on half an item). */
function toEntry(row: Row): HistoryEntry | null {
  let items: HistoryItem[];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- zod loads when rows are read, not when an operation records itself
    const { HistoryItems } = require('./history-schemas') as typeof import('./history-schemas');
    items = HistoryItems.parse(JSON.parse(row.items));
  } catch {
    return null;
  }
  if (!isHistoryKind(row.kind)) return null;
  return { id: row.id, kind: row.kind, label: row.label, state: row.state, items, createdAt: row.created_at, updatedAt: row.updated_at };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
