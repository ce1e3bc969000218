import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import * as path from 'node:path';
import { WebSocketServer } from 'ws';
import type { FerryHandlers } from '../../../shared/api';
import { FerryError } from '../../../shared/errors';
import { projectRoot } from '../../project-root';
import { contentSecurityPolicy, securityHeaders } from '../web-security';
import { contentType, resolveStaticFile } from '../static-files';
import { sendPlainText } from './plain-text';
import { checkToken, createToken, hostAllowed, originAllowed, tokenCookie } from './auth';
import { FILE_ROUTE, serveFile } from './file-route';
import { MAX_FRAME_BYTES, serveApi } from './ws-api';

export interface BrowserServerOptions {
  handlers: FerryHandlers;
  /** 127.0.0.1 (default), localhost (= 127.0.0.1) or ::1. Nothing else: the API reads and copies files. */
  host?: string;
  /** 0 = a free port chosen by the system. */
  port?: number;
  /** The built renderer; default `out/renderer` of the project. */
  rendererDir?: string;
  /** Default: a fresh random token. */
  token?: string;
}

export interface BrowserServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** Stops accepting, closes every WebSocket and waits for the HTTP server to close. */
  close(): Promise<void>;
}

export const API_PATH = '/api';

/** The only interfaces the browser host may listen on. */
export function bindAddress(host: string): string {
  switch (host) {
    case '127.0.0.1':
    case 'localhost':
      return '127.0.0.1';
    case '::1':
    case '[::1]':
      return '::1';
    default:
      throw new FerryError('INVALID_INPUT', `ferry serve listens on the loopback interface only (127.0.0.1, localhost or ::1), not ${host}`);
  }
}

/**
 * The browser host (`ferry serve`): the built renderer over HTTP and the FerryApi over a WebSocket at
 * /api, on loopback only. Every request needs the per-run token (query or cookie), a Host header that
 * names this server (DNS rebinding) and, when present, an Origin that is this server (cross-site
 * pages). No CORS headers are ever sent.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const address = bindAddress(options.host ?? '127.0.0.1');
  const token = options.token ?? createToken();
  const rendererDir = options.rendererDir ?? path.join(projectRoot(), 'out', 'renderer');
  let port = 0;

  const server = http.createServer((req, res) => {
    void handleHttp(req, res, { port, token, rendererDir }).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const detachApi = serveApi(wss, options.handlers);
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws takes the socket, nothing else listens for its errors (a client that resets mid-refusal).
    socket.on('error', () => socket.destroy());
    const refusal = refuseUpgrade(req, port, token);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const hostInUrl = address === '::1' ? '[::1]' : address;

  return {
    url: `http://${hostInUrl}:${port}/?token=${token}`,
    host: address,
    port,
    token,
    close: async () => {
      detachApi();
      for (const ws of wss.clients) ws.close(1001, 'Ferry is shutting down');
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

interface HttpContext { port: number; token: string; rendererDir: string }

function refuseUpgrade(req: http.IncomingMessage, port: number, token: string): string | null {
  if (!hostAllowed(req.headers.host, port)) return '421 Misdirected Request';
  if (!originAllowed(req.headers.origin, port)) return '403 Forbidden';
  const { pathname, query } = splitUrl(req.url);
  if (pathname !== API_PATH) return '404 Not Found';
  if (!checkToken(req, query, token).ok) return '401 Unauthorized';
  return null;
}

async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse, ctx: HttpContext): Promise<void> {
  if (!hostAllowed(req.headers.host, ctx.port)) return sendPlainText(res, 421, 'This server answers only to 127.0.0.1, localhost or [::1].');
  if (!originAllowed(req.headers.origin, ctx.port)) return sendPlainText(res, 403, 'Requests from other sites are refused.');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendPlainText(res, 405, 'Method not allowed.');
  }
  const { pathname, query } = splitUrl(req.url);
  const auth = checkToken(req, query, ctx.token);
  if (!auth.ok) return sendPlainText(res, 401, 'Open Ferry with the link that `ferry serve` printed: it carries the access token.');
  if (auth.via === 'query') res.setHeader('Set-Cookie', tokenCookie(ctx.token));
  if (pathname === FILE_ROUTE) return serveFile(req, res, query);

  const file = await resolveStaticFile(ctx.rendererDir, pathname);
  const csp = contentSecurityPolicy([`ws://${req.headers.host}`]);
  if (!file) {
    if (pathname === '/' || pathname === '/index.html') return notBuilt(res, csp, req.method === 'HEAD');
    return sendPlainText(res, 404, 'Not found.');
  }
  const st = await fs.promises.stat(file);
  const type = contentType(file);
  res.writeHead(200, {
    ...securityHeaders(csp),
    'Content-Type': type,
    'Content-Length': st.size,
    // HTML names the hashed assets of the current build, so it must never come from a cache.
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    fs.createReadStream(file).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
  });
}

/** The raw path (still percent-encoded, so encoded traversal is seen by the resolver) and the query. */
function splitUrl(url: string | undefined): { pathname: string; query: URLSearchParams } {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  return q < 0
    ? { pathname: raw, query: new URLSearchParams() }
    : { pathname: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) };
}

const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry</title></head>
<body><h1>Ferry</h1><p>The interface is not built yet. Run <code>npm run build</code> (or <code>npm start</code>), then reload this page.</p>
<p>The API is available at <code>/api</code> over a WebSocket.</p></body></html>
`;

function notBuilt(res: http.ServerResponse, csp: string, head: boolean): void {
  res.writeHead(503, {
    ...securityHeaders(csp),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(NOT_BUILT_HTML),
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : NOT_BUILT_HTML);
}
