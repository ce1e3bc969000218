import { METHOD_NAMES, type CallResult, type FerryApi } from '../shared/api';
import type { FerryEvent } from '../shared/events';

/** What the preload gets from Electron: a call transport and an event subscription. */
export interface ApiTransport {
  invoke(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: FerryEvent) => void): () => void;
}

/**
 * The renderer's `window.ferry`: one function per method of the contract. A failed call rejects with
 * `Error("[CODE] message")`, because contextBridge keeps only an Error's message across worlds.
 */
export function createFerryApi(transport: ApiTransport): FerryApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    api[name] = async (input: unknown) => unwrap(await transport.invoke(name, input));
  }
  api.onEvent = (listener: (event: FerryEvent) => void) => transport.subscribe(listener);
  return api as FerryApi;
}

export function unwrap(result: CallResult): unknown {
  if (result.ok) return result.output;
  throw new Error(`[${result.error.code}] ${result.error.message}`);
}
