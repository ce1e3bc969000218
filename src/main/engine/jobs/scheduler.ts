import * as os from 'node:os';

export type Release = () => void;

interface Waiter { priority: number; seq: number; grant: (release: Release) => void; reject: (err: Error) => void }

/**
 * Worker slots shared by every job of a process. When slots are short, the waiter with the highest
 * priority gets the next free one (FIFO among equals): a destination index (top priority) starts
 * before discovery, discovery before another copy's workers. Jobs hold a slot per worker thread
 * while it has work, and give it back between batches, so a higher-priority job never waits long.
 */
export class JobScheduler {
  private free: number;
  private seq = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly slots = Math.max(4, os.availableParallelism() * 2)) {
    this.free = slots;
  }

  get available(): number {
    return this.free;
  }

  get queued(): number {
    return this.waiting.length;
  }

  acquire(priority: number, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.free > 0 && this.waiting.length === 0) {
      this.free--;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) { this.waiting.splice(i, 1); reject(abortError()); }
      };
      // A job asks once per batch with one signal: each granted wait must drop its listener.
      const grant = (release: Release) => { signal?.removeEventListener('abort', onAbort); resolve(release); };
      const waiter: Waiter = { priority, seq: this.seq++, grant, reject };
      this.waiting.push(waiter);
      this.waiting.sort((a, b) => b.priority - a.priority || a.seq - b.seq);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant(this.releaser());
      else this.free++;
    };
  }
}

function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}
