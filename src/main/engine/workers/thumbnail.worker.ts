import { parentPort } from 'node:worker_threads';
import { toErrorValue } from '../../../shared/errors';
import { renderThumbnail } from '../preview/thumbnail-render';
import type { ThumbnailReply, ThumbnailRequest } from '../preview/thumbnail-protocol';

/**
 * The thumbnail worker: decodes and scales images (sharp) off the host's event loop, one at a time, so a
 * folder of 2,000 photos never stalls Electron's main process or the browser host's WebSocket.
 */
const port = parentPort!;
let queue: Promise<void> = Promise.resolve();

port.on('message', (m: ThumbnailRequest) => {
  queue = queue.then(async () => {
    try {
      const t = await renderThumbnail(m.path, m.edge);
      port.postMessage({ id: m.id, ok: true, value: t.data } satisfies ThumbnailReply);
    } catch (err) {
      // An errno error is the file system's (unreadable, vanished): reported. Anything else is libvips
      // refusing the bytes: not an image it reads, which is an answer, not a failure.
      const errno = typeof (err as { code?: unknown }).code === 'string';
      port.postMessage(errno
        ? { id: m.id, ok: false, error: toErrorValue(err, m.path) } satisfies ThumbnailReply
        : { id: m.id, ok: true, value: null } satisfies ThumbnailReply);
    }
  });
});
