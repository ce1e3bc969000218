import { parentPort } from 'node:worker_threads';
import { toErrorValue } from '../../../shared/errors';
import { FolderListings } from '../fs/list-folder';
import type { ListingReply, ListingRequest } from './protocol';

/**
 * The listing worker: a host's folder listings (FolderListings, which reads with blocking calls) on a
 * thread of their own, so that reading and ordering 100,000 names never holds the host's event loop (Electron's
 * main process, the browser host's WebSocket). Requests are answered in any order, by id.
 */
const port = parentPort!;
const listings = new FolderListings();

port.on('message', (m: ListingRequest) => {
  const work = m.op === 'list' ? listings.list(m.path, m.limit) : listings.page(m.listingId, m.offset, m.limit);
  work.then(
    (value) => port.postMessage({ id: m.id, ok: true, value } satisfies ListingReply),
    (err: unknown) => port.postMessage({ id: m.id, ok: false, error: toErrorValue(err) } satisfies ListingReply),
  );
});
