import * as path from 'node:path';
import type { EventOf } from '../../../shared/events';
import type { Db } from '../db/library';
import { decodeName } from '../fs/byte-names';
import { snapshotOf } from './observe';

export type TransferOperation = 'copy' | 'move';
type Pair = { before: string; after: string };

/**
 * A copy or a move, seen from the history: before it starts, which of its landing places (DEST/<name>)
 * were taken; when it ends, what it created. A copy's undo sends to the Trash only the top-level items the
 * copy created (a folder it merged into was there before and stays), including a file it kept beside a
 * taken name ("a 2.txt"). A move's undo moves back each top-level item that left its source for a free
 * landing place.
 */
export class TransferWatch {
  private readonly takenBefore: ReadonlySet<string>;

  constructor(
    private readonly db: Db,
    private readonly operation: TransferOperation,
    private readonly sources: string[],
    private readonly destination: string,
    private readonly record: (kind: 'copy' | 'move', pairs: Pair[]) => void,
  ) {
    this.takenBefore = new Set(this.targets().filter((t) => snapshotOf(t) !== null));
  }

  /** The job ended (whatever its status: a cancelled copy's created items can be undone too). */
  completed(jobId: string, _end: EventOf<'completed'>): void {
    const pairs = this.operation === 'copy' ? this.createdByCopy(jobId) : this.moved();
    if (pairs.length > 0) this.record(this.operation, pairs);
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

  private moved(): Pair[] {
    return this.sources
      .map((s) => ({ before: s, after: path.join(this.destination, path.basename(s)) }))
      .filter((p) => !this.takenBefore.has(p.after) && snapshotOf(p.before) === null);
  }
}
