import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventOf } from '../../../shared/events';
import type { Db } from '../db/library';
import { decodeName } from '../fs/byte-names';
import { snapshotOf } from './observe';

export type TransferOperation = 'copy' | 'move';
type Pair = { before: string; after: string };
/** A file the copy replaced, now in the Trash (`replacedToTrash`). */
export type Replaced = { path: string; trashId: string };

/**
 * A copy or a move, seen from the history: before it starts, which of its landing places (DEST/<name>)
 * were taken; when it ends, what it created. A copy's undo sends to the Trash only the top-level items the
 * copy created (a folder it merged into was there before and stays), including a file it kept beside a
 * taken name ("a 2.txt"). A move's undo moves back each top-level item that left its source for a free
 * landing place. A copy that sent the files it replaced to the Trash (`replacedToTrash`) records each of
 * them with the new file at its place, so that one undo trashes the copy and brings the replaced file back;
 * a move, the files its top-level items replaced (the undo moves the item back, then restores the file).
 */
export class TransferWatch {
  private readonly takenBefore: ReadonlySet<string>;
  /** The Trash dates its entries to the second: an entry of the second the job started in may be the job's. */
  private readonly startedAt = Math.floor(Date.now() / 1000) * 1000;

  constructor(
    private readonly db: Db,
    private readonly operation: TransferOperation,
    private readonly sources: string[],
    private readonly destination: string,
    private readonly record: (kind: 'copy' | 'move', pairs: Pair[], replaced: Replaced[]) => void,
    private readonly replacedToTrash = false,
  ) {
    this.takenBefore = new Set(this.targets().filter((t) => snapshotOf(t) !== null));
  }

  /** The job ended (whatever its status: a cancelled copy's created items can be undone too). */
  completed(jobId: string, _end: EventOf<'completed'>): void {
    const replaced = this.replacedToTrash ? this.replacedByJob() : [];
    if (this.operation === 'move') {
      // A moved item that replaced one at its landing place goes back with the replaced one (only those: a
      // file a move replaced deep in a folder it merged into stays restorable from the Trash).
      const pairs = this.moved(new Set(replaced.map((r) => r.path)));
      const movedTo = new Set(pairs.map((p) => p.after));
      if (pairs.length > 0) this.record('move', pairs, replaced.filter((r) => movedTo.has(r.path)));
      return;
    }
    const pairs = this.createdByCopy(jobId);
    const made = new Set(pairs.map((p) => p.after));
    for (const r of replaced) if (!made.has(r.path)) pairs.push({ before: r.path, after: r.path });
    if (pairs.length > 0) this.record('copy', pairs, replaced);
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

  private targets(): string[] {
    return this.sources.map((s) => path.join(this.destination, path.basename(s)));
  }

  private createdByCopy(jobId: string): Pair[] {
    const created = new Set(this.targets().filter((t) => !this.takenBefore.has(t)));
    // A top-level file kept beside a taken name: its checkpoint row holds the name it took.
    const keptBoth = this.db.prepare(
      `SELECT dest_path AS name FROM copy_items
       WHERE job_id = ? AND state = 'done' AND dest_path IS NOT NULL AND instr(CAST(dest_path AS TEXT), '/') = 0`,
    ).all(jobId) as { name: string | Buffer }[];
    for (const row of keptBoth) {
      created.add(path.join(this.destination, Buffer.isBuffer(row.name) ? decodeName(row.name) : row.name));
    }
    return [...created].map((p) => ({ before: p, after: p }));
  }

  /** The top-level items that left their source for a free landing place, or one whose item they replaced. */
  private moved(replacedAt: ReadonlySet<string>): Pair[] {
    return this.sources
      .map((s) => ({ before: s, after: path.join(this.destination, path.basename(s)) }))
      .filter((p) => (!this.takenBefore.has(p.after) || replacedAt.has(p.after)) && snapshotOf(p.before) === null);
  }
}
