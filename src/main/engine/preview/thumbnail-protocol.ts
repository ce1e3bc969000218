import type { WorkerReply } from '../workers/worker-client';

/** Messages between Thumbnails (engine side) and thumbnail.worker.ts. */
export interface ThumbnailRequest {
  id: number;
  path: string;
  edge: number;
}

/** `value` null: the file is no image the decoder reads (remembered, not retried). */
export type ThumbnailReply = WorkerReply<Uint8Array | null>;
