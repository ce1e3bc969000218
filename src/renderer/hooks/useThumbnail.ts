import { useEffect, useState } from 'react';
import { api } from '../api';
import { ThumbnailCache, type ThumbnailRequest } from '../lib/thumbnail-cache';

/** One cache per window, over the window's client. */
const thumbnails = new ThumbnailCache((path, edge) => api.thumbnail({ path, edge }).then((t) => t.dataUrl));

/** An image's thumbnail as a data URL once the engine has made it; null while not (or for none). */
export function useThumbnail(request: ThumbnailRequest | null): string | null {
  const key = request ? ThumbnailCache.keyOf(request) : '';
  const [answer, setAnswer] = useState<{ key: string; url: string | null }>(() => ({ key, url: request ? thumbnails.peek(request) ?? null : null }));
  useEffect(() => {
    if (!request) return;
    return thumbnails.request(request, (url) => setAnswer({ key, url }));
  }, [key]); // the key says everything about the request
  // Rows are recycled: an answer for the row's previous file is never shown for the next.
  return answer.key === key ? answer.url : request ? thumbnails.peek(request) ?? null : null;
}
