import type { CopyItem } from './types';

/**
 * The bounded FIFO between the producers (index stream, discovery) and the copy workers. Producers
 * never offer the same path twice (discovery only reports what the index lacks), so the queue keeps
 * no set of seen paths: its memory is bounded by `highWater`, not by the size of the tree.
 * Backpressure: `waitForRoom()` resolves once the queue is below its high-water mark.
 */
export class CopyQueue {
  private items: CopyItem[] = [];
  private head = 0;
  private roomWaiters: (() => void)[] = [];

  constructor(readonly highWater = 8192) {}

  get size(): number {
    return this.items.length - this.head;
  }

  get full(): boolean {
    return this.size >= this.highWater;
  }

  push(batch: readonly CopyItem[]): void {
    for (const item of batch) this.items.push(item);
  }

  /** Items handed back (a batch stopped by pause or a full disk) go first. */
  unshift(batch: readonly CopyItem[]): void {
    this.compact();
    this.items = [...batch, ...this.items];
  }

  take(max: number): CopyItem[] {
    const end = Math.min(this.items.length, this.head + max);
    const out = this.items.slice(this.head, end);
    this.head = end;
    if (this.head > 4096 && this.head * 2 > this.items.length) this.compact();
    if (!this.full) this.wakeWaiters();
    return out;
  }

  /** Visits the queued items (e.g. to count expected conflicts once the destination is known). */
  forEach(visit: (item: CopyItem) => void): void {
    for (let i = this.head; i < this.items.length; i++) visit(this.items[i]!);
  }

  waitForRoom(): Promise<void> {
    if (!this.full) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Releases every producer waiting for room (the job is stopping). */
  releaseAll(): void {
    this.wakeWaiters();
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiters) w();
  }

  private compact(): void {
    if (this.head === 0) return;
    this.items = this.items.slice(this.head);
    this.head = 0;
  }
}
