import type { CallResult } from '../../shared/api';
import type { FerryEvent } from '../../shared/events';

/** How the renderer reaches the engine: one call/response channel plus a stream of job events. */
export interface Transport {
  call(method: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: FerryEvent) => void): () => void;
}

/** A failed call rejects with this shape in every host, so the code survives Electron's contextBridge. */
export function callError(code: string, message: string): Error {
  return new Error(`[${code}] ${message}`);
}

/** Splits `[CODE] message` back into its parts (for showing a friendlier message). */
export function parseCallError(err: unknown): { code: string; message: string } {
  const text = err instanceof Error ? err.message : String(err);
  const match = /^\[([A-Z_]+)\]\s*(.*)$/s.exec(text);
  return match ? { code: match[1]!, message: match[2]! } : { code: 'INTERNAL', message: text };
}
