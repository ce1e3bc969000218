import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { securityHeaders } from '../web-security';
import { sendPlainText } from './plain-text';
import { contentDisposition } from './content-disposition';
import { fileType, type Presentation } from './file-types';
import { decideRange } from './http-range';

/**
 * GET /file?path=ABS[&download=1]: one of the user's files, for the browser host's "Open" and previews.
 * The server has already checked the token, the Host and the Origin. Here:
 *  - the path must be absolute and already normal (no `.`/`..` segments, no `//`, no trailing `/`, no NUL):
 *    a request names exactly the item the user saw, never a path that walks elsewhere;
 *  - a symlink is followed to its target, as opening it in the app would, and the target must be a regular
 *    file (no folders, FIFOs or devices: opened non-blocking and checked on the open descriptor);
 *  - the Content-Type comes from the extension; what a browser shows is sent inline, the rest (and anything
 *    with `download=1`) as an attachment, both with an RFC 6266 filename;
 *  - single byte ranges are honoured (media seeking); errors are plain-text statuses.
 */
export const FILE_ROUTE = '/file';

export type FileRequestCheck = { ok: true; path: string; download: boolean } | { ok: false; status: number; message: string };

/** The request's decision, apart from any file-system call (tested as a table). */
export function checkFileRequest(query: URLSearchParams): FileRequestCheck {
  const p = query.get('path');
  const download = query.get('download') === '1';
  if (p === null || p === '') return { ok: false, status: 400, message: 'Say which file: /file?path=/absolute/path.' };
  if (p.includes('\0')) return { ok: false, status: 400, message: 'A path cannot contain a NUL character.' };
  if (!path.isAbsolute(p)) return { ok: false, status: 400, message: `The path must be absolute: ${p}` };
  if (path.normalize(p) !== p || (p.length > 1 && p.endsWith('/'))) {
    return { ok: false, status: 400, message: `The path must name the file directly (no ".", ".." or repeated "/"): ${p}` };
  }
  return { ok: true, path: p, download };
}

export async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, query: URLSearchParams): Promise<void> {
  const check = checkFileRequest(query);
  if (!check.ok) return sendPlainText(res, check.status, check.message);
  let fd: number;
  let target: string;
  try {
    target = await fs.promises.realpath(check.path);
    // O_NONBLOCK: a FIFO must not hang the request; O_NOFOLLOW: the resolved path must not have become a link since.
    fd = await openFd(target, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (err) {
    return failFromError(res, err, check.path);
  }
  let st: fs.Stats;
  try {
    st = await new Promise<fs.Stats>((resolve, reject) => fs.fstat(fd, (e, s) => (e ? reject(e) : resolve(s))));
  } catch (err) {
    fs.close(fd, () => undefined);
    return failFromError(res, err, check.path);
  }
  if (!st.isFile()) {
    fs.close(fd, () => undefined);
    return sendPlainText(res, st.isDirectory() ? 409 : 415, st.isDirectory() ? `That is a folder, not a file: ${check.path}` : `Not a regular file: ${check.path}`);
  }

  // The name the user named (a link's own name) is the one they expect in a tab or a download; its type comes
  // from that name, or from the target's when the link's name has no extension.
  const name = path.basename(check.path);
  const typed = fileType(path.extname(name) === '' ? target : name);
  const presentation: Presentation = check.download ? 'download' : typed.presentation;
  const range = decideRange(req.headers.range, st.size);
  const headers: Record<string, string | number> = {
    ...securityHeaders(filePolicy(presentation, typed.type)),
    // Previews may frame a file of ours; no other site may.
    'X-Frame-Options': 'SAMEORIGIN',
    'Content-Type': typed.type,
    'Content-Disposition': contentDisposition(presentation === 'download' ? 'attachment' : 'inline', name),
    'Accept-Ranges': 'bytes',
    'Last-Modified': st.mtime.toUTCString(),
    // The file may change at any moment; a stale copy from a cache would show the user old content.
    'Cache-Control': 'no-store',
  };
  if (range.kind === 'unsatisfiable') {
    fs.close(fd, () => undefined);
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${st.size}`, 'Content-Length': 0 });
    return void res.end();
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, st.size - 1];
  const length = st.size === 0 ? 0 : end - start + 1;
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${st.size}`;
  res.writeHead(range.kind === 'partial' ? 206 : 200, { ...headers, 'Content-Length': length });
  if (req.method === 'HEAD' || length === 0) {
    fs.close(fd, () => undefined);
    return void res.end();
  }
  await new Promise<void>((resolve, reject) => {
    const stream = fs.createReadStream('', { fd, start, end, autoClose: true });
    stream.on('error', reject);
    res.on('close', () => { stream.destroy(); resolve(); });
    stream.pipe(res).on('finish', resolve).on('error', reject);
  });
}

/**
 * The CSP of a served file. Scriptable documents (HTML, SVG, XML) are sandboxed: an opaque origin without
 * scripts, so a page on disk cannot use Ferry's token cookie. Text, images and media cannot script and keep
 * a same-site origin (their range requests carry the cookie). A PDF is left to the browser's viewer.
 */
function filePolicy(presentation: Presentation, type: string): string {
  if (presentation === 'download') return "default-src 'none'; frame-ancestors 'none'; sandbox";
  if (presentation === 'inline-sandboxed') return "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
  if (type === 'application/pdf') return "frame-ancestors 'self'";
  return "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
}

function openFd(p: string, flags: number): Promise<number> {
  return new Promise((resolve, reject) => fs.open(p, flags, (err, fd) => (err ? reject(err) : resolve(fd))));
}

function failFromError(res: http.ServerResponse, err: unknown, p: string): void {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return sendPlainText(res, 404, `No such file: ${p}`);
    case 'EACCES':
    case 'EPERM':
      return sendPlainText(res, 403, `Permission denied: ${p}`);
    case 'ELOOP':
      return sendPlainText(res, 404, `The link goes round in a loop: ${p}`);
    case 'EISDIR':
      return sendPlainText(res, 409, `That is a folder, not a file: ${p}`);
    default:
      return sendPlainText(res, 500, `Cannot read ${p}: ${code ?? String(err)}`);
  }
}
