import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { ClientFrame, type Caller, type FerryHandlers, type ServerFrame } from '../../../shared/api';
import { dispatchCall } from '../../../shared/dispatch';
import type { FerryErrorValue } from '../../../shared/errors';

/**
 * Largest message a client may send: 64 MiB. The largest legitimate one is a startCopy of a 100,000-item
 * selection (the API's maximum); 64 MiB holds 100,000 paths of 670 bytes each, a folder 400 bytes deep
 * plus the longest name Linux allows (255 bytes), JSON quotes and commas included. A frame over it is
 * refused from its header (before its bytes are read) and closes that connection with 1009.
 */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** The id of replies to frames that have no usable id of their own (malformed JSON, missing id). */
export const UNKNOWN_FRAME_ID = -1;

/**
 * Serves the FerryApi over a WebSocket server's connections: each text frame `{id, method, input}`
 * gets exactly one reply `{id, ok, output | error}`; every engine event goes to every connection as
 * `{event}`; a connection's watched folder's changes go to it alone as `{folder}`. A malformed frame gets an INVALID_INPUT reply (id -1 when it has no numeric id) and the
 * connection stays open: a UI bug should show an error, not cut the UI off.
 * Returns a function that detaches it (stops pushing events).
 */
export function serveApi(wss: WebSocketServer, handlers: FerryHandlers): () => void {
  wss.on('connection', (ws) => {
    // A bad frame (over MAX_FRAME_BYTES, text that is not UTF-8, a protocol error) is an 'error' on this
    // socket, and ws closes it with the matching code (1009, 1007, 1002). Without a listener Node would
    // throw it and end the whole server, and every copy running in it, for one bad client.
    ws.on('error', () => {});
    // Each connection is one window: what it subscribes to (its watched folder) reaches it alone and ends with it.
    const caller: Caller = { id: `ws-${randomUUID()}`, sendFolderChange: (folder) => send(ws, { folder }) };
    ws.on('close', () => handlers.releaseCaller(caller.id));
    ws.on('message', (data, isBinary) => {
      void handleFrame(handlers, data, isBinary, caller).then((reply) => send(ws, reply));
    });
    // A window that comes back after a dropped connection missed events: the running jobs' state first.
    for (const event of handlers.snapshotEvents()) send(ws, { event });
  });
  return handlers.onEvent((event) => {
    const text = JSON.stringify({ event } satisfies ServerFrame);
    for (const ws of wss.clients) sendText(ws, text);
  });
}

export async function handleFrame(handlers: FerryHandlers, data: RawData, isBinary: boolean, caller?: Caller): Promise<ServerFrame> {
  if (isBinary) return invalid(UNKNOWN_FRAME_ID, 'Frames must be JSON text');
  let json: unknown;
  try {
    json = JSON.parse(rawText(data));
  } catch {
    return invalid(UNKNOWN_FRAME_ID, 'Frame is not valid JSON');
  }
  const frame = ClientFrame.safeParse(json);
  if (!frame.success) {
    const id = (json as { id?: unknown } | null)?.id;
    return invalid(Number.isInteger(id) && (id as number) >= 0 ? (id as number) : UNKNOWN_FRAME_ID,
      'Frame must be {id: non-negative integer, method: string, input}');
  }
  const result = await dispatchCall(handlers, frame.data.method, frame.data.input, caller);
  return { id: frame.data.id, ...result };
}

function invalid(id: number, message: string): ServerFrame {
  const error: FerryErrorValue = { code: 'INVALID_INPUT', message };
  return { id, ok: false, error };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function send(ws: WebSocket, frame: ServerFrame): void {
  sendText(ws, JSON.stringify(frame));
}

function sendText(ws: WebSocket, text: string): void {
  if (ws.readyState === ws.OPEN) ws.send(text);
}
