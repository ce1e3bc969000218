import { decodeName, encodeName } from '../../engine/fs/byte-names';

/**
 * Files on the system clipboard, in each platform's own formats, so that Finder, Explorer and GNOME Files
 * paste what Ferry copied and Ferry pastes what they copied. Pure byte layouts (tested under Node with real
 * bytes); the Electron side that reads and writes the clipboard is system-clipboard.ts.
 */
export interface ClipboardFiles {
  paths: string[];
  /** Cut: a paste moves them (GNOME's "cut", Explorer's DROPEFFECT_MOVE). */
  cut: boolean;
}
export type ClipboardPlatform = 'linux' | 'darwin' | 'win32';
/** One format's bytes, as `clipboard.writeBuffer(format, data)` takes them. */
export interface ClipboardEntry { format: string; data: Buffer }

export const GNOME_COPIED_FILES = 'x-special/gnome-copied-files';
export const URI_LIST = 'text/uri-list';
export const KDE_CUT_SELECTION = 'application/x-kde-cutselection';
export const MAC_FILE_URL = 'public.file-url';
export const MAC_FILENAMES = 'NSFilenamesPboardType';
export const WIN_HDROP = 'CF_HDROP';
export const WIN_DROP_EFFECT = 'Preferred DropEffect';
/** What Windows offers beside CF_HDROP for the first file: its path as UTF-16LE. */
export const WIN_FILENAME = 'FileNameW';

// ---- file: URIs (RFC 8089), byte by byte so that any name survives ----

/** RFC 3986 `pchar` minus '%': the bytes a path keeps as they are; every other byte is %XX. */
const KEEP = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/;

function percentEncode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && KEEP.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function percentDecode(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; continue; }
    bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** `/home/me/a b.txt` → `file:///home/me/a%20b.txt`; `C:\x\y` → `file:///C:/x/y`; `\\srv\share\f` → `file://srv/share/f`. */
export function fileUri(path: string): string {
  if (/^\\\\[^\\]/.test(path)) {
    const [host, ...rest] = path.slice(2).split('\\');
    return `file://${host}/${rest.map((p) => percentEncode(Buffer.from(p, 'utf8'))).join('/')}`;
  }
  if (/^[A-Za-z]:[\\/]/.test(path)) return `file:///${percentEncode(Buffer.from(path.replace(/\\/g, '/'), 'utf8'))}`;
  // POSIX: the path's exact bytes (a name that is not UTF-8 is held with escaped bytes, see byte-names.ts).
  return `file://${percentEncode(encodeName(path))}`;
}

/** A local path from a file: URI, or null for anything else (another scheme, another host). */
export function pathFromFileUri(uri: string, platform: ClipboardPlatform): string | null {
  const match = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri.trim());
  if (!match) return null;
  const host = match[1]!.toLowerCase();
  const rawPath = (match[2] ?? '/').replace(/[?#].*$/, '');
  if (platform === 'win32') {
    const decoded = percentDecode(rawPath).toString('utf8');
    if (host && host !== 'localhost') return `\\\\${match[1]}${decoded.replace(/\//g, '\\')}`;
    const drive = /^\/([A-Za-z]:)(\/.*)?$/.exec(decoded);
    return drive ? `${drive[1]}${(drive[2] ?? '/').replace(/\//g, '\\')}` : null;
  }
  if (host && host !== 'localhost') return null;
  return decodeName(percentDecode(rawPath));
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

function pathsOf(uris: readonly string[], platform: ClipboardPlatform): string[] {
  return uris.map((u) => pathFromFileUri(u, platform)).filter((p): p is string => p !== null);
}

// ---- Linux: GNOME's (also Nemo, Caja, Thunar) and the freedesktop uri-list ----

/** `copy\nfile:///a\nfile:///b` (or `cut\n…`): what GNOME Files puts on the clipboard and pastes. */
export function encodeGnomeCopiedFiles({ paths, cut }: ClipboardFiles): Buffer {
  return Buffer.from([cut ? 'cut' : 'copy', ...paths.map(fileUri)].join('\n'), 'utf8');
}

export function decodeGnomeCopiedFiles(data: Buffer): ClipboardFiles | null {
  const [action, ...uris] = lines(data.toString('utf8'));
  if (action !== 'copy' && action !== 'cut') return null;
  const paths = pathsOf(uris, 'linux');
  return paths.length > 0 ? { paths, cut: action === 'cut' } : null;
}

/** RFC 2483: one URI a line, CRLF, `#` lines are comments. */
export function encodeUriList(paths: readonly string[]): Buffer {
  return Buffer.from(paths.map((p) => `${fileUri(p)}\r\n`).join(''), 'utf8');
}

export function decodeUriList(data: Buffer, platform: ClipboardPlatform): string[] {
  return pathsOf(lines(data.toString('utf8')).filter((l) => !l.startsWith('#')), platform);
}

// ---- macOS: a file URL, and the property list of paths that Finder still reads and writes ----

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** NSFilenamesPboardType: an XML property list holding an array of path strings. */
export function encodeFilenamesPlist(paths: readonly string[]): Buffer {
  return Buffer.from([
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<array>',
    ...paths.map((p) => `\t<string>${xmlEscape(p)}</string>`),
    '</array>',
    '</plist>',
    '',
  ].join('\n'), 'utf8');
}

export function decodeFilenamesPlist(data: Buffer): string[] {
  const array = /<array>([\s\S]*?)<\/array>/.exec(data.toString('utf8'));
  if (!array) return [];
  return [...array[1]!.matchAll(/<string>([\s\S]*?)<\/string>/g)].map((m) => xmlUnescape(m[1]!)).filter((p) => p.startsWith('/'));
}

// ---- Windows: DROPFILES (CF_HDROP) and the drop effect that says copy or cut ----

const DROPFILES_SIZE = 20;
const DROPEFFECT_COPY = 1;
const DROPEFFECT_MOVE = 2;

/** CF_HDROP: a DROPFILES header (pFiles = 20, pt = 0,0, fNC = 0, fWide = 1), then UTF-16LE paths, each NUL-ended, then a NUL. */
export function encodeDropFiles(paths: readonly string[]): Buffer {
  const header = Buffer.alloc(DROPFILES_SIZE);
  header.writeUInt32LE(DROPFILES_SIZE, 0);
  header.writeUInt32LE(1, 16);
  return Buffer.concat([header, Buffer.from(paths.map((p) => `${p}\0`).join('') + '\0', 'utf16le')]);
}

export function decodeDropFiles(data: Buffer): string[] {
  if (data.length < DROPFILES_SIZE) return [];
  const start = data.readUInt32LE(0);
  const wide = data.readUInt32LE(16) !== 0;
  if (start < DROPFILES_SIZE || start > data.length) return [];
  const text = data.subarray(start).toString(wide ? 'utf16le' : 'latin1');
  const end = text.indexOf('\0\0');
  return (end < 0 ? text : text.slice(0, end)).split('\0').filter((p) => p.length > 0);
}

/** "Preferred DropEffect": a little-endian DWORD, DROPEFFECT_MOVE for a cut, DROPEFFECT_COPY otherwise. */
export function encodeDropEffect(cut: boolean): Buffer {
  const data = Buffer.alloc(4);
  data.writeUInt32LE(cut ? DROPEFFECT_MOVE : DROPEFFECT_COPY, 0);
  return data;
}

/** Explorer writes 5 (copy | link) for Copy and 2 for Cut: a cut is MOVE without COPY. */
export function decodeDropEffectIsCut(data: Buffer | null): boolean {
  if (!data || data.length < 4) return false;
  const effect = data.readUInt32LE(0);
  return (effect & DROPEFFECT_MOVE) !== 0 && (effect & DROPEFFECT_COPY) === 0;
}

/** FileNameW (the shell's CFSTR_FILENAMEW): one path, UTF-16LE, ended by one NUL character (two zero bytes). */
export function encodeFileNameW(path: string): Buffer {
  return Buffer.from(`${path}\0`, 'utf16le');
}

/** FileNameW: one path, UTF-16LE, NUL-ended. */
export function decodeFileNameW(data: Buffer): string | null {
  const text = data.toString('utf16le');
  const end = text.indexOf('\0');
  const path = end < 0 ? text : text.slice(0, end);
  return path.length > 0 ? path : null;
}

// ---- per platform ----

/** What to put on the clipboard for these files, the format each platform's file manager reads first. */
export function encodeClipboardFiles(platform: ClipboardPlatform, files: ClipboardFiles): ClipboardEntry[] {
  switch (platform) {
    case 'linux':
      return [
        { format: GNOME_COPIED_FILES, data: encodeGnomeCopiedFiles(files) },
        { format: URI_LIST, data: encodeUriList(files.paths) },
        ...(files.cut ? [{ format: KDE_CUT_SELECTION, data: Buffer.from('1') }] : []),
      ];
    case 'darwin':
      // Finder has no Cut: a paste copies, and Cmd+Option+V moves; so a cut is offered as the files alone.
      return [
        { format: MAC_FILENAMES, data: encodeFilenamesPlist(files.paths) },
        { format: MAC_FILE_URL, data: Buffer.from(fileUri(files.paths[0] ?? '/'), 'utf8') },
      ];
    case 'win32':
      return [
        { format: WIN_HDROP, data: encodeDropFiles(files.paths) },
        { format: WIN_DROP_EFFECT, data: encodeDropEffect(files.cut) },
      ];
  }
}

/** The files on the clipboard, read through `read(format)` (null or empty when absent), or null when none. */
export function decodeClipboardFiles(platform: ClipboardPlatform, read: (format: string) => Buffer | null): ClipboardFiles | null {
  const get = (format: string) => {
    const data = read(format);
    return data && data.length > 0 ? data : null;
  };
  const some = (paths: string[], cut = false) => (paths.length > 0 ? { paths, cut } : null);
  switch (platform) {
    case 'linux': {
      const gnome = get(GNOME_COPIED_FILES);
      if (gnome) return decodeGnomeCopiedFiles(gnome);
      const list = get(URI_LIST);
      return list ? some(decodeUriList(list, 'linux'), get(KDE_CUT_SELECTION)?.toString() === '1') : null;
    }
    case 'darwin': {
      const names = get(MAC_FILENAMES);
      if (names) return some(decodeFilenamesPlist(names));
      const url = get(MAC_FILE_URL);
      const path = url ? pathFromFileUri(url.toString('utf8'), 'darwin') : null;
      // A file reference URL (file:///.file/id=…) names an inode, not a path: only Cocoa resolves it.
      return path && !path.startsWith('/.file/id=') ? { paths: [path], cut: false } : null;
    }
    case 'win32': {
      const cut = decodeDropEffectIsCut(get(WIN_DROP_EFFECT));
      const drop = get(WIN_HDROP);
      if (drop) return some(decodeDropFiles(drop), cut);
      const name = get(WIN_FILENAME);
      const path = name ? decodeFileNameW(name) : null;
      return path ? { paths: [path], cut } : null;
    }
  }
}
