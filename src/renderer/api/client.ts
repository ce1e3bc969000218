import { METHOD_NAMES, type FerryApi } from '../../shared/api';
import type { CallFailure, Transport } from '../../shared/transport';

/** A failed call: the engine's error code (and path, when it names one) kept as data beside the sentence. */
export class CallError extends Error {
  readonly code: CallFailure['code'];
  readonly path?: string;
  constructor(failure: CallFailure) {
    super(failure.message);
    this.name = 'CallError';
    this.code = failure.code;
    if (failure.path !== undefined) this.path = failure.path;
  }
}

/**
 * The one typed FerryApi of the renderer, over any Transport (Electron's `window.ferry`, the browser host's
 * WebSocket): one method per entry of the shared `methods` table. A failure rejects with a CallError.
 */
export function createClient(transport: Transport): FerryApi {
  const api: Record<string, unknown> = {
    onEvent: (listener: Parameters<FerryApi['onEvent']>[0]) => transport.onEvent(listener),
    // A transport without a folder stream: folders are then read when asked only (never live).
    onFolderChange: (listener: Parameters<FerryApi['onFolderChange']>[0]) => transport.onFolderChange?.(listener) ?? (() => undefined),
  };
  for (const name of METHOD_NAMES) {
    api[name] = async (input: unknown) => {
      const result = await transport.call(name, input ?? {});
      if (result.ok) return result.output;
      throw new CallError(result.error);
    };
  }
  return api as FerryApi;
}

/** The code of a failed call, if it has one (anything else thrown is INTERNAL). */
export function errorCode(err: unknown): CallFailure['code'] {
  return err instanceof CallError ? err.code : 'INTERNAL';
}

/** The sentence to show for a failed call. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
