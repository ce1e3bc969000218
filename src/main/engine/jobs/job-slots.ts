import type { JobScheduler, Release } from './scheduler';

/**
 * One job's side of the JobScheduler, for a synchronous dispatcher (copy/dispatcher.ts): `take()` hands
 * out a granted slot or asks for one (a single request at a time) and calls `onGranted` when it
 * arrives, so the dispatcher simply runs again. Slots granted but not used are given back at once
 * (`releaseUnused`): a paused or starved job must not sit on slots another job could use.
 */
export class JobSlots {
  private readonly granted: Release[] = [];
  private asking = false;
  private closed = false;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly priority: number,
    private readonly signal: AbortSignal,
    private readonly onGranted: () => void,
  ) {}

  /** A slot to use now, or null: one has been asked for and `onGranted` follows when it comes. */
  take(): Release | null {
    const slot = this.granted.pop();
    if (slot) return slot;
    if (!this.asking && !this.closed) {
      this.asking = true;
      this.scheduler.acquire(this.priority, this.signal).then((release) => {
        this.asking = false;
        if (this.closed) { release(); return; }
        this.granted.push(release);
        this.onGranted();
      }, () => { this.asking = false; /* aborted: the job is stopping */ });
    }
    return null;
  }

  /** Gives back the slots granted but not used. */
  releaseUnused(): void {
    for (const release of this.granted.splice(0)) release();
  }

  close(): void {
    this.closed = true;
    this.releaseUnused();
  }
}
