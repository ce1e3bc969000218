import { methods, type CallResult, type FerryHandlers, type MethodName } from './api';
import { FerryError, toErrorValue } from './errors';

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

/**
 * Validates one untrusted call and runs it. Every host funnels calls through here, so a malformed
 * message gets an error value and changes nothing, whatever the transport.
 */
export async function dispatchCall(handlers: FerryHandlers, method: unknown, input: unknown): Promise<CallResult> {
  try {
    if (!isMethod(method)) throw new FerryError('INVALID_INPUT', `Unknown method: ${String(method)}`);
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` (${first.path.join('.')})` : '';
      throw new FerryError('INVALID_INPUT', `Invalid input for ${method}${where}: ${first?.message ?? 'malformed'}`);
    }
    const handler = handlers[method] as (i: unknown) => Promise<unknown>;
    const output = await handler.call(handlers, parsed.data);
    return { ok: true, output: output ?? {} };
  } catch (err) {
    return { ok: false, error: toErrorValue(err) };
  }
}
