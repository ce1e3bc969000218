import type { CallResult, MenuCommand, MethodName } from './api';
import type { ErrorCode } from './errors';
import type { FerryEvent, FolderChangedEvent } from './events';

/**
 * Why a call failed, as data: the engine's error value, or DISCONNECTED when the call never got its answer
 * (the browser host's connection dropped: the engine may or may not have run it).
 */
export interface CallFailure {
  code: ErrorCode | 'DISCONNECTED';
  message: string;
  path?: string;
}

/** What a transport answers: never a rejection, because a thrown object does not survive contextBridge or IPC. */
export type TransportResult = CallResult | { ok: false; error: CallFailure };

/**
 * How the renderer reaches the engine: one call/response channel plus the stream of job events. Electron's
 * preload exposes exactly this as `window.ferry` (src/preload/bridge.ts); the browser host's WebSocket client
 * is another (src/renderer/api/ws-transport.ts). The typed API is built over it once, in the renderer.
 */
export interface Transport {
  call(method: MethodName, input: unknown): Promise<TransportResult>;
  onEvent(listener: (event: FerryEvent) => void): () => void;
  /** This window's watched folder's changes (absent: a transport that carries none, the folder is not live). */
  onFolderChange?(listener: (event: FolderChangedEvent) => void): () => void;
  /** Menu commands for the page (Electron's View ▸ Refresh); the browser host has no menu. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}

/** A transport whose link can drop (the browser host's WebSocket) says how it is; Electron's IPC is always open. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';
