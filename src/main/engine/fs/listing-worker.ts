import type { ResourceLimits, Worker } from 'node:worker_threads';
import { FerryError } from '../../../shared/errors';
import type { FolderListing, FolderPage } from '../../../shared/types';
import type { ListingReply, ListingRequest } from '../workers/protocol';
import { spawnWorker } from '../workers/worker-path';

type Pending = { resolve: (v: FolderListing | FolderPage) => void; reject: (e: FerryError) => void };
type Request = Omit<Extract<ListingRequest, { op: 'list' }>, 'id'> | Omit<Extract<ListingRequest, { op: 'page' }>, 'id'>;

/**
 * FolderListings on a worker thread (listing.worker.ts), for the hosts that show folders: the same
 * `list` / `page` / `close`, answered from the worker. It boots when the host starts, so the first
 * folder a window opens does not wait for a thread; a worker that dies fails what it was asked and a
 * new one answers the next call (its listings are gone: their pages answer LISTING_EXPIRED).
 */
export class ListingWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /**
   * `resourceLimits`: the thread's heap. A folder too big for it ends that thread alone (the host lives on,
   * the call fails with a clear message); by default V8's own limit for a worker applies.
   */
  constructor(private readonly options: { resourceLimits?: ResourceLimits } = {}) {
    this.worker = this.spawn();
  }

  list(path: string, limit?: number): Promise<FolderListing> {
    return this.ask({ op: 'list', path, ...(limit === undefined ? {} : { limit }) }) as Promise<FolderListing>;
  }

  page(listingId: string, offset: number, limit: number): Promise<FolderPage> {
    return this.ask({ op: 'page', listingId, offset, limit }) as Promise<FolderPage>;
  }

  close(): void {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
    this.failAll(new FerryError('INTERNAL', 'Folder listings are closed'));
  }

  private ask(request: Request): Promise<FolderListing | FolderPage> {
    if (this.closed) return Promise.reject(new FerryError('INTERNAL', 'Folder listings are closed'));
    const id = this.nextId++;
    const worker = (this.worker ??= this.spawn());
    // Referenced while it owes answers (an awaited listing keeps the process alive), not while idle.
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as ListingRequest);
    });
  }

  private spawn(): Worker {
    const worker = spawnWorker('listing', this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {});
    // An idle listing thread must not keep a host's process alive (a CLI or a test that never closes it).
    worker.unref();
    worker.on('message', (m: ListingReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(new FerryError(m.error.code, m.error.message, m.error.path));
    });
    const died = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new FerryError('INTERNAL', why));
    };
    worker.on('error', (err) => died((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? 'This folder is too big to list: the listing ran out of memory'
      : `The folder listing thread stopped (${err.message})`));
    worker.on('exit', (code) => died(`The folder listing thread stopped (exit code ${code})`));
    return worker;
  }

  private failAll(err: FerryError): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
