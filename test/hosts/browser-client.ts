import * as http from 'node:http';
import WebSocket from 'ws';
import type { ServerFrame } from '../../src/shared/api';
import type { FerryEvent, FolderChangedEvent } from '../../src/shared/events';

/** Test helpers that talk to the browser host the way a browser (or an attacker) would. */

export interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A GET (or other method) with full control of the path and headers: no URL normalisation. */
export function request(port: number, rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Tries a WebSocket upgrade; resolves with the client once open, or the HTTP status that refused it. */
export function connect(port: number, pathAndQuery: string, headers: Record<string, string> = {}): Promise<ApiClient | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${pathAndQuery}`, { headers });
    ws.once('open', () => resolve(new ApiClient(ws)));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

export async function connectOk(port: number, token: string): Promise<ApiClient> {
  const c = await connect(port, `/api?token=${token}`);
  if (!(c instanceof ApiClient)) throw new Error(`upgrade refused with ${c.refused}`);
  return c;
}

/** A minimal client of the wire protocol: numbered calls, replies matched by id, events collected. */
export class ApiClient {
  readonly events: FerryEvent[] = [];
  /** This connection's watched folder's changes (`{folder}` frames). */
  readonly folderChanges: FolderChangedEvent[] = [];
  readonly replies: Array<Extract<ServerFrame, { id: number }>> = [];
  private nextId = 1;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if ('event' in frame) this.events.push(frame.event);
      else if ('folder' in frame) this.folderChanges.push(frame.folder);
      else this.replies.push(frame);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  sendRaw(text: string | Buffer): void {
    this.ws.send(text);
  }

  /** The next reply with this id. */
  async reply(id: number): Promise<Extract<ServerFrame, { id: number }>> {
    return this.until(() => this.replies.find((r) => r.id === id));
  }

  async call(method: string, input: unknown): Promise<Extract<ServerFrame, { id: number }>> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, input }));
    return this.reply(id);
  }

  /** Calls and returns the output, throwing the error value on failure. */
  async ok<T = unknown>(method: string, input: unknown): Promise<T> {
    const r = await this.call(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.output as T;
  }

  async until<T>(find: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for the server');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}
