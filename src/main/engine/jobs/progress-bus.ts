import type { EventOf, FerryEvent } from '../../../shared/events';

export type Listener = (event: FerryEvent) => void;

/**
 * A per-job event bus that coalesces, so that at most ~1000/intervalMs messages a second reach a
 * listener whatever the file rate (docs/architecture.md §3, docs/events.md):
 * - `progress` keeps only the newest state;
 * - `filesSkipped` adds up counts per reason, `filesDiscovered` adds up counts and bytes;
 * these go out together at most once per `intervalMs`. Every other event (conflict, fileFailed,
 * discoveryComplete, completed…) is delivered at once, after the pending coalesced ones, so order is
 * kept and the last progress state always precedes `completed`.
 */
export class ProgressBus {
  private readonly listeners = new Set<Listener>();
  private progress: EventOf<'progress'> | null = null;
  private discovered: EventOf<'filesDiscovered'> | null = null;
  private readonly skipped = new Map<string, EventOf<'filesSkipped'>>();
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly intervalMs = 50, private readonly now: () => number = () => performance.now()) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  publish(event: FerryEvent): void {
    if (this.closed) return;
    switch (event.type) {
      case 'progress':
        this.progress = event;
        return this.schedule();
      case 'filesDiscovered':
        this.discovered = this.discovered
          ? { ...event, count: this.discovered.count + event.count, bytes: this.discovered.bytes + event.bytes }
          : event;
        return this.schedule();
      case 'filesSkipped': {
        const prev = this.skipped.get(event.reason);
        this.skipped.set(event.reason, prev ? { ...event, count: prev.count + event.count } : event);
        return this.schedule();
      }
      default:
        this.flush();
        this.deliver(event);
        if (event.type === 'completed') this.close();
    }
  }

  /** Sends whatever is pending now. */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const batch: FerryEvent[] = [];
    if (this.discovered) batch.push(this.discovered);
    batch.push(...this.skipped.values());
    if (this.progress) batch.push(this.progress);
    this.discovered = null;
    this.skipped.clear();
    this.progress = null;
    if (batch.length === 0) return;
    // Coalesced events keep their newest `t`: deliver them in time order, so `t` never goes back.
    batch.sort((a, b) => a.t - b.t);
    this.lastSentAt = this.now();
    for (const e of batch) this.deliver(e);
  }

  close(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    this.closed = true;
  }

  private schedule(): void {
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0) return this.flush();
    if (!this.timer) {
      this.timer = setTimeout(() => { this.timer = null; this.flush(); }, wait);
    }
  }

  private deliver(event: FerryEvent): void {
    for (const l of [...this.listeners]) {
      try { l(event); } catch { /* a listener's failure must not stop the job or other listeners */ }
    }
  }
}
