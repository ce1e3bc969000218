/**
 * The page's side of thumbnails: answers kept by key (path, size, mtime, edge: a changed file asks again),
 * a few requests in flight at a time so scrolling through 2,000 photos never queues 2,000 calls at once
 * (requests for rows scrolled away are dropped before they are sent), and a bounded number of answers kept.
 */
export type FetchThumbnail = (path: string, edge: number) => Promise<string | null>;

export interface ThumbnailRequest {
  path: string;
  size: number;
  mtimeMs: number;
  edge: number;
}

interface Waiting {
  request: ThumbnailRequest;
  key: string;
  listeners: Set<(url: string | null) => void>;
  sent: boolean;
}

export class ThumbnailCache {
  private readonly answers = new Map<string, string | null>(); // Map order is use order: first = least recent
  private readonly waiting = new Map<string, Waiting>();
  private active = 0;

  constructor(private readonly fetchThumbnail: FetchThumbnail, private readonly parallel = 3, private readonly keep = 2_000) {}

  static keyOf(r: ThumbnailRequest): string {
    return `${r.path}\0${r.size}\0${r.mtimeMs}\0${r.edge}`;
  }

  /** The answer when known (a data URL, or null: no thumbnail), undefined while not. */
  peek(r: ThumbnailRequest): string | null | undefined {
    const key = ThumbnailCache.keyOf(r);
    if (!this.answers.has(key)) return undefined;
    const url = this.answers.get(key)!;
    this.answers.delete(key);
    this.answers.set(key, url);
    return url;
  }

  /** Calls `listener` once with the answer; the returned function withdraws the interest (a row scrolled away). */
  request(r: ThumbnailRequest, listener: (url: string | null) => void): () => void {
    const known = this.peek(r);
    if (known !== undefined) {
      listener(known);
      return () => undefined;
    }
    const key = ThumbnailCache.keyOf(r);
    const entry = this.waiting.get(key) ?? { request: r, key, listeners: new Set(), sent: false };
    entry.listeners.add(listener);
    this.waiting.set(key, entry);
    this.pump();
    return () => {
      entry.listeners.delete(listener);
    };
  }

  private pump(): void {
    for (const [key, entry] of this.waiting) {
      if (this.active >= this.parallel) return;
      if (entry.listeners.size === 0) {
        this.waiting.delete(key);
        continue;
      }
      if (entry.sent) continue;
      entry.sent = true;
      this.active += 1;
      // A failed call (the file vanished, the connection dropped) is answered "no thumbnail" but not kept,
      // so the row asks again the next time it is shown.
      this.fetchThumbnail(entry.request.path, entry.request.edge).then((url) => ({ url, keep: true }), () => ({ url: null, keep: false }))
        .then(({ url, keep }) => {
          this.active -= 1;
          this.waiting.delete(key);
          if (keep) this.remember(key, url);
          for (const listener of entry.listeners) listener(url);
          this.pump();
        });
    }
  }

  private remember(key: string, url: string | null): void {
    this.answers.set(key, url);
    while (this.answers.size > this.keep) this.answers.delete(this.answers.keys().next().value!);
  }
}
