import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';
import { FerryError } from '../../../shared/errors';
import type { HistoryStep } from '../../../shared/history';
import { refusalFor, type Step } from './disk-match';
import type { HistoryActions } from './history-actions';
import { KIND_SIDES, currentSide, otherSide, sidesOf, type HistoryItem, type Method, type Side } from './history-item';
import { summaryOf, type HistoryEntry, type HistoryStore } from './history-store';
import { observe, snapshotOf } from './observe';

type Direction = 'undo' | 'redo';

/**
 * Undo and redo (DESIGN §7.4): takes the entry on top of the stack, checks every one of its items against
 * the disk first (disk-match.ts) — any mismatch refuses the whole step with its reason and nothing is
 * changed — then runs the inverse through the real operations (HistoryActions) and records where the items
 * are now and what they look like there, for the next step's check.
 */
export class HistoryExecutor {
  constructor(private readonly store: HistoryStore, private readonly actions: HistoryActions) {}

  undo(): Promise<HistoryStep> {
    return this.step('undo');
  }

  redo(): Promise<HistoryStep> {
    return this.step('redo');
  }

  private async step(direction: Direction): Promise<HistoryStep> {
    const entry = this.store.next(direction);
    if (!entry) {
      throw direction === 'undo'
        ? new FerryError('NOTHING_TO_UNDO', 'There is nothing to undo')
        : new FerryError('NOTHING_TO_REDO', 'There is nothing to redo');
    }
    const verb = direction === 'undo' ? 'undo' : 'redo';
    if (!this.store.claim(entry.id, entry.state)) {
      throw new FerryError('HISTORY_BUSY', `${entry.label} is being undone or redone in another window; try again when it ends`);
    }
    try {
      const from = currentSide(entry.state);
      const steps = entry.items.map((item) => stepOf(entry, item, from));
      // A name this step frees (a copy going to the Trash, a moved file going back) may be taken back by another
      // of its items (the file it replaced): there, finding that very item is finding the name free.
      const leaving = new Map(steps.filter((s) => s.from.place === 'disk' && (s.to.place === 'trash' || s.to.path !== s.from.path)).map((s) => [s.from.path, s.from.snapshot]));
      const inTrash = await this.stillInTrash(steps);
      for (const s of steps) {
        const seen = observe(s, inTrash);
        const freed = leaving.get(s.to.path);
        if (s.to.place === 'disk' && freed && seen.target?.ino === freed.ino && seen.target.kind === freed.kind) seen.target = null;
        const refusal = refusalFor(s, seen);
        if (refusal) throw new FerryError(refusal.code, `Can't ${verb} ${entry.label}: ${refusal.message}`, refusal.path);
      }
      const items = await this.run(KIND_SIDES[entry.kind].method, entry.items, steps, otherSide(from));
      const done = this.store.finish(entry.id, direction === 'undo' ? 'undone' : 'done', items);
      return { entry: summaryOf(done), paths: items.map((i) => i[otherSide(from)]) };
    } catch (err) {
      this.store.release(entry.id);
      throw err;
    }
  }

  /** The Trash entries of the steps that come from the Trash and are still there. */
  private async stillInTrash(steps: Step[]): Promise<Set<string>> {
    const ids = steps.flatMap((s) => (s.from.place === 'trash' && s.from.trashId !== undefined ? [s.from.trashId] : []));
    if (ids.length === 0) return new Set();
    const there = await this.actions.inTrash(ids);
    return new Set(ids.filter((_, i) => there[i]));
  }

  /** Runs the steps; returns the items as they are afterwards (on side `to`). */
  private async run(method: Method, items: HistoryItem[], steps: Step[], to: Side): Promise<HistoryItem[]> {
    const trashIds: (string | undefined)[] = steps.map(() => undefined);
    if (method === 'rename') {
      for (const s of steps) await this.actions.rename(s.from.path, s.to.path);
    } else {
      // What goes to the Trash first: it frees the names that what moves, then what comes back from the Trash,
      // takes (a move's items are moved by the move engine; the files it replaced go to and from the Trash).
      const trashed = (s: Step) => s.method === 'trash' || method === 'trash';
      const out = steps.flatMap((s, i) => (trashed(s) && s.from.place === 'disk' ? [i] : []));
      const back = steps.flatMap((s, i) => (trashed(s) && s.from.place === 'trash' ? [i] : []));
      if (out.length > 0) {
        const ids = await this.actions.trash(out.map((i) => steps[i]!.from.path));
        out.forEach((i, k) => { trashIds[i] = ids[k]; });
      }
      if (method === 'move') await this.moveAll(steps.filter((s) => !trashed(s)));
      if (back.length > 0) await this.actions.restore(back.map((i) => steps[i]!.from.trashId!));
    }
    return items.map((item, i) => {
      const s = steps[i]!;
      const { snapshot: _snapshot, trashId: _trashId, ...where } = item; // where it is on both sides, and its role
      if (s.to.place === 'trash') return { ...where, trashId: trashIds[i] };
      const now = snapshotOf(item[to]);
      return now ? { ...where, snapshot: now } : where;
    });
  }

  /**
   * Moves back by the move engine, one job per folder the items go into, made first if it is gone (a move
   * removes the source folders it emptied; checked: no file is in its way). An item that landed under another
   * name (kept both) moves under that name, then takes its own back.
   */
  private async moveAll(steps: Step[]): Promise<void> {
    const byFolder = new Map<string, Step[]>();
    for (const s of steps) {
      const folder = path.dirname(s.to.path);
      const group = byFolder.get(folder);
      if (group) group.push(s);
      else byFolder.set(folder, [s]);
    }
    for (const [folder, group] of byFolder) {
      fs.mkdirSync(fsPath(folder), { recursive: true });
      await this.actions.move(group.map((s) => s.from.path), folder);
      for (const s of group) {
        const landed = path.join(folder, path.basename(s.from.path));
        if (landed !== s.to.path) await this.actions.rename(landed, s.to.path);
      }
    }
  }
}

function stepOf(entry: HistoryEntry, item: HistoryItem, from: Side): Step {
  const sides = sidesOf(entry.kind, item);
  const to = otherSide(from);
  return {
    method: sides.method,
    from: { place: sides[from], path: item[from], snapshot: item.snapshot, trashId: item.trashId },
    to: { place: sides[to], path: item[to] },
  };
}
