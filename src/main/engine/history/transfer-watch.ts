import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventOf } from '../../../shared/events';
import type { Db } from '../db/library';
import { Checkpoints, DONE_CODES, type CheckpointRow } from '../copy/checkpoints';
import type { UndoWatchState } from '../copy/copy-job-config';
import { createdRoots, type Landed } from './created-roots';
import { snapshotOf } from './observe';

export type TransferOperation = 'copy' | 'move';
type Pair = { before: string; after: string };
/** A file the copy replaced, now in the Trash (`replacedToTrash`). */
export type Replaced = { path: string; trashId: string };

/**
 * A copy or a move, seen from the history: before it starts, which of its landing places (DEST/<name>)
 * were taken; when it ends, what it created. A top-level item that landed in a free place is the job's
 * whole. Below a folder that was there (a merge), the job's checkpoint rows say what it did
 * (checkpoints.ts: the files it created, those that replaced one, the folders it made): the items are the
 * folders it made and the files it created outside them (created-roots.ts), and a file kept beside a taken
 * name ("a 2.txt") is its own. A copy's undo sends those to the Trash (what was there stays); a move's moves
 * them back (a folder it made goes back whole only when its source folder is gone: else its files do).
 * A job run with `replacedToTrash` records each file it replaced (now in the Trash) with the file that took
 * its place, at any depth, so that one undo trashes (a copy) or moves back (a move) the new file and brings
 * the replaced one back.
 */
export class TransferWatch {
  private readonly takenBefore: ReadonlySet<string>;
  /** The Trash dates its entries to the second: an entry of the second the job started in may be the job's. */
  private readonly startedAt: number;

  /**
   * `saved`: what the watch of the job's first run saw (a resumed job), instead of looking now. `record`
   * returns the history entry it wrote, if any.
   */
  constructor(
    private readonly db: Db,
    private readonly operation: TransferOperation,
    private readonly sources: string[],
    private readonly destination: string,
    private readonly record: (kind: 'copy' | 'move', pairs: Pair[], replaced: Replaced[]) => number | undefined,
    private readonly replacedToTrash = false,
    saved?: UndoWatchState,
  ) {
    this.takenBefore = new Set(saved?.takenBefore
      ?? this.sources.map((s) => this.targetOf(s)).filter((t) => snapshotOf(t) !== null));
    this.startedAt = saved?.startedAt ?? Math.floor(Date.now() / 1000) * 1000;
  }

  /** What the job's row keeps for a resume to be recorded too (CopyJobConfig.undo). */
  saved(): UndoWatchState {
    return { takenBefore: [...this.takenBefore], startedAt: this.startedAt };
  }

  /**
   * The job ended (whatever its status: a cancelled copy's created items can be undone too). Returns the
   * history entry recorded, if there was anything to record.
   */
  completed(jobId: string, _end: EventOf<'completed'>): number | undefined {
    const replaced = this.replacedToTrash ? this.replacedByJob() : [];
    const replacedAt = new Set(replaced.map((r) => r.path));
    const pairs = this.freeLandings(replacedAt);
    // Only a job that landed in a taken place has rows to read (the rest is whole at its landing place).
    if (this.takenBefore.size > 0) {
      for (const p of this.belowTakenPlaces(new Checkpoints(this.db, jobId), replacedAt)) pairs.push(p); // maybe 10⁵: no spread
    }
    const landed = new Set(pairs.map((p) => p.after));
    if (this.operation === 'move') {
      // A file a move replaced goes back with the moved file at its place (only with it: see rules.file).
      return pairs.length > 0 ? this.record('move', pairs, replaced.filter((r) => landed.has(r.path))) : undefined;
    }
    // A copy's file that replaced one is not its own, but goes to the Trash for the replaced one to come back.
    for (const r of replaced) if (!landed.has(r.path)) pairs.push({ before: r.path, after: r.path });
    return pairs.length > 0 ? this.record('copy', pairs, replaced) : undefined;
  }

  /**
   * The Trash entries this job made: trashed from under its destination since it started (the Trash
   * keeps the path with the folders' links resolved: it is mapped back onto the destination as given).
   */
  private replacedByJob(): Replaced[] {
    const { listTrash } = require('../trash/trash-store') as typeof import('../trash/trash-store'); // eslint-disable-line @typescript-eslint/no-require-imports -- loaded on first use
    let real = this.destination;
    try {
      real = fs.realpathSync(this.destination);
    } catch {
      // Gone meanwhile: nothing was trashed from under it.
    }
    // Only those whose place the job filled again: an item the user trashed from there meanwhile is not one.
    return listTrash()
      .filter((t) => t.originalPath.startsWith(`${real}/`) && (t.deletedAt ?? 0) >= this.startedAt)
      .map((t) => ({ path: path.join(this.destination, path.relative(real, t.originalPath)), trashId: t.id }))
      .filter((r) => snapshotOf(r.path) !== null);
  }

  private targetOf(source: string): string {
    return path.join(this.destination, path.basename(source));
  }

  /**
   * The top-level items that landed in a free place; for a move, only those that left their source, and
   * also one whose landing place it replaced (that file comes back from the Trash with the undo).
   */
  private freeLandings(replacedAt: ReadonlySet<string>): Pair[] {
    const pairs: Pair[] = [];
    for (const source of this.sources) {
      const after = this.targetOf(source);
      const free = !this.takenBefore.has(after);
      if (this.operation === 'copy') {
        if (free) pairs.push({ before: after, after });
      } else if ((free || replacedAt.has(after)) && snapshotOf(source) === null) {
        pairs.push({ before: source, after });
      }
    }
    return pairs;
  }

  /** What the job put at and below its taken landing places, from its checkpoint rows. */
  private belowTakenPlaces(checkpoints: Checkpoints, replacedAt: ReadonlySet<string>): Pair[] {
    const move = this.operation === 'move';
    const pairs: Pair[] = [];
    for (const source of this.sources) {
      const name = path.basename(source);
      if (!this.takenBefore.has(this.targetOf(source))) continue;
      const pair = (l: Landed): Pair => {
        const after = path.join(this.destination, l.at);
        return { before: move ? path.join(source, l.rel.slice(name.length)) : after, after };
      };
      // A file kept beside its taken name: its row holds the name it took.
      const top = checkpoints.lookup([name]).get(name);
      if (top?.state === 'done' && top.destRel !== null && top.code === null) pairs.push(pair({ rel: name, at: top.destRel }));
      const rules = {
        // A move takes back a file that replaced one only when the replaced one comes back too.
        file: (r: CheckpointRow) => r.code === null
          || (move && r.code === DONE_CODES.replaced && replacedAt.has(path.join(this.destination, r.rel))),
        folder: (rel: string) => !move || snapshotOf(path.join(source, rel.slice(name.length))) === null,
      };
      for (const landed of createdRoots(checkpoints.doneBelow(name), rules)) pairs.push(pair(landed));
    }
    return pairs;
  }
}
