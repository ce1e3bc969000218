import type { ServerFrame } from '../../shared/api';
import { FerryEvent, FolderChangedEvent } from '../../shared/events';
import type { ConnectionState, Transport, TransportResult } from '../../shared/transport';

/** The WebSocket transport also tells how its connection is: the window says so while it is not open. */
export interface WsTransport extends Transport {
  connection(): ConnectionState;
  onConnection(listener: (s: ConnectionState) => void): () => void;
}

interface Pending { frame: string; sent: boolean; resolve(result: TransportResult): void }

const MAX_BACKOFF_MS = 5_000;

/** The browser host's API endpoint; the token comes from the page's own URL (the server also set a cookie). */
export function apiUrl(loc: Location = window.location): string {
  const token = new URLSearchParams(loc.search).get('token');
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/**
 * WebSocket transport for `ferry serve`: frames `{id, method, input}` → `{id, ok, output|error}`, pushed
 * `{event}` and, for this connection's watched folder, `{folder}`. Calls made while (re)connecting wait for the socket; a close answers every call in flight
 * with a DISCONNECTED error value (the engine may or may not have run it) and reconnects with exponential backoff.
 */
export function createWsTransport(url: string): WsTransport {
  const pending = new Map<number, Pending>();
  const listeners = new Set<(e: FerryEvent) => void>();
  const folderListeners = new Set<(e: FolderChangedEvent) => void>();
  const stateListeners = new Set<(s: ConnectionState) => void>();
  let nextId = 1;
  let socket: WebSocket;
  let attempts = 0;
  let state: ConnectionState = 'connecting';

  function onState(next: ConnectionState): void {
    state = next;
    for (const l of [...stateListeners]) l(next);
  }

  function connect(): void {
    onState(attempts === 0 ? 'connecting' : 'reconnecting');
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempts = 0;
      onState('open');
      for (const call of pending.values()) if (!call.sent) send(call);
    };
    socket.onmessage = (message) => receive(String(message.data));
    socket.onclose = () => {
      for (const [id, call] of pending) {
        if (!call.sent) continue; // never reached the server: it goes out after reconnecting
        pending.delete(id);
        call.resolve({ ok: false, error: { code: 'DISCONNECTED', message: 'The connection to Ferry was lost' } });
      }
      attempts += 1;
      onState('reconnecting');
      setTimeout(connect, Math.min(MAX_BACKOFF_MS, 200 * 2 ** Math.min(attempts, 5)));
    };
  }

  function receive(text: string): void {
    let frame: ServerFrame;
    try { frame = JSON.parse(text) as ServerFrame; } catch { return; }
    if ('folder' in frame) {
      const parsed = FolderChangedEvent.safeParse(frame.folder);
      if (parsed.success) for (const l of [...folderListeners]) l(parsed.data);
      return;
    }
    if ('event' in frame) {
      const parsed = FerryEvent.safeParse(frame.event);
      if (parsed.success) for (const l of [...listeners]) l(parsed.data);
      return;
    }
    const call = pending.get(frame.id);
    if (!call) return;
    pending.delete(frame.id);
    call.resolve(frame.ok ? { ok: true, output: frame.output } : { ok: false, error: frame.error });
  }

  function send(call: Pending): void {
    call.sent = true;
    socket.send(call.frame);
  }

  connect();

  return {
    call(method, input) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, input });
      return new Promise<TransportResult>((resolve) => {
        const call: Pending = { frame, sent: false, resolve };
        pending.set(id, call);
        if (socket.readyState === WebSocket.OPEN) send(call);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFolderChange(listener) {
      folderListeners.add(listener);
      return () => folderListeners.delete(listener);
    },
    connection: () => state,
    onConnection(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
