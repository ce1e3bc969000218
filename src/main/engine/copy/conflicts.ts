import { FerryError } from '../../../shared/errors';
import type { ConflictAnswer } from '../../../shared/events';
import type { Resolution } from '../../../shared/types';

/**
 * Pending conflicts of a job and the sticky "apply to all" answer (docs/architecture.md §5.4). Whoever answers —
 * the CLI prompt, the --json stdin reader, the app's modal, a test — calls `resolve`; an answer with
 * applyToAll also settles every conflict still pending and every later one.
 */
export class ConflictPolicy<T> {
  private readonly pending = new Map<string, T>();
  private sticky: Resolution | null = null;
  private seq = 0;

  constructor(private readonly settle: (conflict: T, resolution: Resolution) => void, private readonly idPrefix = 'c') {}

  get size(): number {
    return this.pending.size;
  }

  /** The remembered answer for every further conflict, if the user chose "apply to all". */
  get applyToAll(): Resolution | null {
    return this.sticky;
  }

  /** Registers a conflict; returns its id, or null when a remembered answer settled it at once. */
  add(conflict: T): string | null {
    if (this.sticky) {
      this.settle(conflict, this.sticky);
      return null;
    }
    const id = `${this.idPrefix}${++this.seq}`;
    this.pending.set(id, conflict);
    return id;
  }

  resolve(answer: ConflictAnswer): void {
    const conflict = this.pending.get(answer.conflictId);
    if (!conflict) throw new FerryError('CONFLICT_NOT_FOUND', `No pending conflict with id ${answer.conflictId}`);
    this.pending.delete(answer.conflictId);
    if (answer.applyToAll) this.sticky = answer.resolution;
    this.settle(conflict, answer.resolution);
    if (answer.applyToAll) {
      for (const [id, other] of [...this.pending]) {
        this.pending.delete(id);
        this.settle(other, answer.resolution);
      }
    }
  }

  /** Drops every pending conflict (the job is ending); returns them. */
  drain(): T[] {
    const all = [...this.pending.values()];
    this.pending.clear();
    return all;
  }
}
