import type { Release } from '../jobs/scheduler';
import type { DeltaDiscovery } from './delta-discovery';
import type { Producer, WorkSink } from './producers';

/**
 * Phase 2 on a worker slot, as one of the job's producers (producers.ts): DeltaDiscovery walks while it holds
 * a slot of the process's JobScheduler and gives the slot back whenever it has to wait — for room in the copy
 * queue, or a pause — so a waiting walker never keeps a slot from the copying (with a single slot that would
 * deadlock). `mayRun` says whether the job wants discovery to go on now.
 */
export class DiscoveryPhase implements Producer {
  readonly walks = true;
  private slot: Release | null = null;
  private asking = false;
  private ended = false;

  constructor(
    private readonly discovery: DeltaDiscovery,
    private readonly acquire: () => Promise<Release | null>,
    private readonly mayRun: () => boolean,
  ) {}

  /** Walks to the end (or until the discovery is stopped); nothing when the job stopped before a slot came. */
  async run(sink: WorkSink): Promise<void> {
    this.asking = true;
    this.slot = await this.acquire();
    this.asking = false;
    if (!this.slot) return;
    sink.discoveryStarted();
    // Paused before it begins: the walker blocks before its first folder, without a slot.
    if (!this.mayRun()) this.pause();
    try {
      await this.discovery.start({
        onItems: (batch) => sink.found(batch),
        onStale: (batch) => sink.stale(batch),
        onError: (e) => sink.unreadable(e.path, e.code, e.message),
      });
    } finally {
      this.ended = true;
      this.release();
    }
    if (!sink.stopping()) sink.discoveryEnded();
  }

  /** Blocks the walk between folders and gives the slot back. */
  pause(): void {
    this.discovery.pause();
    this.release();
  }

  /** Lets the walk go on: at once with a slot in hand, else once one is granted (if still wanted). */
  resume(): void {
    if (this.slot) { this.discovery.resume(); return; }
    if (this.asking || this.ended) return;
    this.asking = true;
    void this.acquire().then((slot) => {
      this.asking = false;
      if (!slot) return;
      if (this.ended || !this.mayRun()) { slot(); return; }
      this.slot = slot;
      this.discovery.resume();
    });
  }

  stop(): Promise<void> {
    return this.discovery.stop();
  }

  private release(): void {
    this.slot?.();
    this.slot = null;
  }
}
