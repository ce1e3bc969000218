import { METHOD_NAMES, type FerryApi, type MethodName } from '../../shared/api';
import { callError, type Transport } from './transport';

/** Builds the typed FerryApi over any transport: one method per entry of the shared `methods` table. */
export function createFerryApi(transport: Transport): FerryApi {
  const api: Record<string, unknown> = {
    onEvent: (listener: Parameters<FerryApi['onEvent']>[0]) => transport.onEvent(listener),
  };
  for (const name of METHOD_NAMES) {
    api[name] = async (input: unknown) => {
      const result = await transport.call(name satisfies MethodName, input ?? {});
      if (result.ok) return result.output;
      throw callError(result.error.code, result.error.message);
    };
  }
  return api as FerryApi;
}
