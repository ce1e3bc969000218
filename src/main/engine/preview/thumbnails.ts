import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Thumbnail } from '../../../shared/file-info';
import { canThumbnail } from '../../../shared/file-kind';
import { fsPath } from '../fs/byte-names';
import { WorkerClient } from '../workers/worker-client';
import { MAX_THUMBNAIL_INPUT_BYTES } from './thumbnail-render';
import type { ThumbnailRequest } from './thumbnail-protocol';

const NONE: Thumbnail = { dataUrl: null };
/** The cache's bound: past it, the thumbnails used longest ago go (checked once per engine, on first use). */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Image thumbnails for the file list and Quick Look: made on the thumbnail worker thread, kept in a cache
 * folder beside the library database, one WebP file per image and size, named by a hash of the path, size,
 * modification time and edge. A changed file has a new key, so it is made again; a file the decoder
 * refused leaves an empty `.none` marker, so it is not tried on every scroll.
 */
export class Thumbnails {
  private readonly inFlight = new Map<string, Promise<Thumbnail>>();
  private readonly worker = new ThumbnailWorker();
  private pruned: Promise<void> | null = null;

  constructor(private readonly cacheDir: string, private readonly maxCacheBytes = DEFAULT_CACHE_BYTES) {}

  async get(file: string, edge: number): Promise<Thumbnail> {
    this.pruned ??= pruneCache(this.cacheDir, this.maxCacheBytes).catch(() => undefined);
    const name = path.basename(file);
    if (!canThumbnail(name)) return NONE;
    const st = await fs.promises.stat(fsPath(file));
    if (!st.isFile() || st.size === 0 || st.size > MAX_THUMBNAIL_INPUT_BYTES) return NONE;
    const key = thumbnailKey(file, st.size, st.mtimeMs, edge);
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.cachedOrMade(file, key, edge).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  close(): void {
    this.worker.close();
  }

  private async cachedOrMade(file: string, key: string, edge: number): Promise<Thumbnail> {
    const base = path.join(this.cacheDir, key.slice(0, 2), key);
    const cached = await fs.promises.readFile(`${base}.webp`).catch(() => null);
    if (cached) {
      // Its mtime says when it was last used (atime is not kept on relatime mounts): pruning keeps the recent.
      const now = new Date();
      await fs.promises.utimes(`${base}.webp`, now, now).catch(() => undefined);
      return asDataUrl(cached);
    }
    if (fs.existsSync(`${base}.none`)) return NONE;
    await fs.promises.mkdir(path.dirname(base), { recursive: true });
    const made = await this.worker.render(file, edge);
    if (!made) {
      await writeAtomically(`${base}.none`, new Uint8Array(0));
      return NONE;
    }
    await writeAtomically(`${base}.webp`, made);
    return asDataUrl(made);
  }
}

/** The cache folder of the library in `dbFile`: beside it, so a second library (FERRY_DB) has its own. */
export function thumbnailCacheDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'thumbnails');
}

/** The cache key: a change to any of these makes a new thumbnail (a path can hold another image later). */
export function thumbnailKey(file: string, size: number, mtimeMs: number, edge: number): string {
  return crypto.createHash('sha256').update(`${file}\0${size}\0${mtimeMs}\0${edge}`).digest('hex');
}

function asDataUrl(bytes: Uint8Array): Thumbnail {
  return { dataUrl: `data:image/webp;base64,${Buffer.from(bytes).toString('base64')}` };
}

/**
 * Keeps the cache folder under `maxBytes`: when it is over, the files used longest ago (oldest mtime) go
 * until it is at three quarters of the bound, so pruning does not run again at the next thumbnail.
 */
export async function pruneCache(cacheDir: string, maxBytes: number): Promise<void> {
  const files: { file: string; size: number; mtimeMs: number }[] = [];
  let total = 0;
  for (const shard of await fs.promises.readdir(cacheDir).catch(() => [] as string[])) {
    const dir = path.join(cacheDir, shard);
    for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
      const st = await fs.promises.stat(path.join(dir, name)).catch(() => null);
      if (!st?.isFile()) continue;
      files.push({ file: path.join(dir, name), size: st.size, mtimeMs: st.mtimeMs });
      total += st.size;
    }
  }
  if (total <= maxBytes) return;
  files.sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const f of files) {
    if (total <= maxBytes * 0.75) break;
    await fs.promises.rm(f.file, { force: true });
    total -= f.size;
  }
}

/** Two windows asking for one thumbnail at once must not read each other's half-written file. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  await fs.promises.writeFile(temp, bytes);
  await fs.promises.rename(temp, file);
}

/** The thread that runs sharp: spawned on the first thumbnail, unreferenced while idle. */
class ThumbnailWorker {
  private readonly client = new WorkerClient<Omit<ThumbnailRequest, 'id'>, Uint8Array | null>('thumbnail', {
    role: 'thumbnail',
    closedMessage: 'Thumbnails are closed',
  });

  render(file: string, edge: number): Promise<Uint8Array | null> {
    return this.client.ask({ path: file, edge });
  }

  close(): void {
    this.client.close();
  }
}
