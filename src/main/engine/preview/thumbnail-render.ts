import * as fs from 'node:fs';
import { fsPath } from '../fs/byte-names';

/** Files bigger than this are not decoded for a thumbnail (a 64 MB image is a scan or a panorama: its icon will do). */
export const MAX_THUMBNAIL_INPUT_BYTES = 64 * 1024 * 1024;
/** Decoded pixels at most (sharp's guard against decompression bombs, lowered from its 268 M). */
const MAX_INPUT_PIXELS = 100_000_000;

export interface RenderedThumbnail {
  /** WebP bytes: a 256-pixel thumbnail is typically 5–30 KB, far under the cache's per-file bound. */
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Decodes an image with sharp (libvips) and scales it to fit `edge`×`edge`, turned upright by its EXIF
 * orientation. libvips shrinks JPEGs while decoding them, which is why this beats the browser's decoder
 * (measured: docs/file-operations.md, "Thumbnails"). Runs on the thumbnail worker thread only: sharp is
 * loaded there, never on a host's event loop.
 */
export async function renderThumbnail(file: string, edge: number): Promise<RenderedThumbnail> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by the worker on first use only
  const sharp = require('sharp') as typeof import('sharp/dist/index.cjs'); // node10 resolution reads the ESM typings otherwise
  sharp.concurrency(1); // one libvips thread: copies and listings keep the other cores
  sharp.cache(false); // each image is decoded once; its result is cached on disk instead
  // Read here rather than by path: names that are not UTF-8 reach libvips as bytes this way.
  const input = await fs.promises.readFile(fsPath(file));
  const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
    .rotate()
    .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75, effort: 2 })
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}
