import type { ResourceLimits } from 'node:worker_threads';
import type { FolderListing, FolderPage } from '../../../shared/types';
import type { ListingRequest } from '../workers/protocol';
import { WorkerClient } from '../workers/worker-client';

type Request = Omit<Extract<ListingRequest, { op: 'list' }>, 'id'> | Omit<Extract<ListingRequest, { op: 'page' }>, 'id'>;

/**
 * FolderListings on a worker thread (listing.worker.ts), for the hosts that show folders: the same
 * `list` / `page` / `close`, answered from the worker. It boots when the host starts, so the first
 * folder a window opens does not wait for a thread; a worker that dies fails what it was asked and a
 * new one answers the next call (its listings are gone: their pages answer LISTING_EXPIRED).
 */
export class ListingWorker {
  private readonly client: WorkerClient<Request, FolderListing | FolderPage>;

  /**
   * `resourceLimits`: the thread's heap. A folder too big for it ends that thread alone (the host lives on,
   * the call fails with a clear message); by default V8's own limit for a worker applies.
   */
  constructor(options: { resourceLimits?: ResourceLimits } = {}) {
    this.client = new WorkerClient('listing', {
      role: 'folder listing',
      closedMessage: 'Folder listings are closed',
      workerOptions: options.resourceLimits ? { resourceLimits: options.resourceLimits } : {},
      explainError: (err) => ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'This folder is too big to list: the listing ran out of memory'
        : null),
    });
    this.client.boot();
  }

  list(path: string, limit?: number): Promise<FolderListing> {
    return this.client.ask({ op: 'list', path, ...(limit === undefined ? {} : { limit }) }) as Promise<FolderListing>;
  }

  page(listingId: string, offset: number, limit: number): Promise<FolderPage> {
    return this.client.ask({ op: 'page', listingId, offset, limit }) as Promise<FolderPage>;
  }

  close(): void {
    this.client.close();
  }
}
