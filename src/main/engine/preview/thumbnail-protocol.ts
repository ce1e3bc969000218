import type { FerryErrorValue } from '../../../shared/errors';

/** Messages between Thumbnails (engine side) and thumbnail.worker.ts. */
export interface ThumbnailRequest {
  id: number;
  path: string;
  edge: number;
}

export type ThumbnailReply =
  /** `data` null: the file is no image the decoder reads (remembered, not retried). */
  | { id: number; ok: true; data: Uint8Array | null }
  | { id: number; ok: false; error: FerryErrorValue };
