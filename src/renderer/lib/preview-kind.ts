import { extensionOf, fileKind, type FileKind } from '../../shared/file-kind';
import type { EntryKind } from '../../shared/types';

/**
 * How Quick Look shows an item: the browser's own elements where it can, else the item's facts;
 * `facts-open`: a document the window has no viewer for (a PDF), its facts and an Open button.
 */
export type PreviewMode = 'image' | 'text' | 'pdf' | 'audio' | 'video' | 'facts' | 'facts-open';

/** What the page can show beyond plain elements: `navigator.pdfViewerEnabled` says whether it frames a PDF. */
export interface BrowserViewers {
  pdf: boolean;
}

/** Text previews read at most this much (the first 256 KB): enough to recognise a file, bounded for a 2 GB log. */
export const TEXT_PREVIEW_BYTES = 256 * 1024;

/** Image types Chromium decodes in an <img> (TIFF, HEIC, PSD… are not: those get their facts). */
const BROWSER_IMAGES = new Set(['png', 'jpg', 'jpeg', 'jpe', 'gif', 'webp', 'avif', 'bmp', 'ico', 'svg']);
/** Media the browser's elements play (Chromium without proprietary codecs still plays these). */
const BROWSER_AUDIO = new Set(['mp3', 'wav', 'flac', 'ogg', 'oga', 'opus', 'm4a', 'aac']);
const BROWSER_VIDEO = new Set(['mp4', 'm4v', 'webm', 'ogv', 'mov']);
/** Documents and data that read as text although their kind is not 'text' or 'code'. */
const TEXT_DOCUMENTS = new Set(['csv', 'tsv', 'srt', 'vtt', 'diff', 'patch']);

export function previewMode(name: string, entryKind: EntryKind, viewers: BrowserViewers = { pdf: true }): PreviewMode {
  if (entryKind !== 'file' && entryKind !== 'symlink') return 'facts';
  const ext = extensionOf(name);
  // A link previews as what its name says it leads to (the file route follows it).
  const kind: FileKind = fileKind({ name, entryKind: 'file' });
  if (kind === 'image') return BROWSER_IMAGES.has(ext) ? 'image' : 'facts';
  if (kind === 'audio') return BROWSER_AUDIO.has(ext) ? 'audio' : 'facts';
  if (kind === 'video') return BROWSER_VIDEO.has(ext) ? 'video' : 'facts';
  // Without a viewer a framed PDF is a blank frame or a download (Chromium set to download PDFs, Electron
  // without `plugins`): its facts then, and Open hands it to what can show it.
  if (ext === 'pdf') return viewers.pdf ? 'pdf' : 'facts-open';
  if (kind === 'text' || kind === 'code' || TEXT_DOCUMENTS.has(ext)) return 'text';
  return 'facts';
}

/**
 * The first bytes of a file as text, or null when they are not text (a NUL byte, as `grep` and `git` decide).
 * A multi-byte character cut at the end of the window is dropped, not shown as a replacement character.
 */
export function decodeTextPreview(bytes: Uint8Array, truncated: boolean): string | null {
  if (bytes.includes(0)) return null;
  let end = bytes.length;
  if (truncated) {
    // Back up over a trailing incomplete UTF-8 sequence (at most 3 continuation bytes and its lead byte).
    let i = end - 1;
    while (i >= 0 && end - i <= 4 && (bytes[i]! & 0xc0) === 0x80) i--;
    if (i >= 0) {
      const lead = bytes[i]!;
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (end - i < need) end = i;
    }
  }
  return new TextDecoder('utf-8').decode(bytes.subarray(0, end));
}
