import { methods, WINDOW_METHODS, type CallResult, type Caller, type FerryHandlers, type MethodName } from './api';
import { FerryError, toErrorValue } from './errors';

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

/**
 * Validates one untrusted call and runs it (for `caller`: the window that made it, when the host knows it). Every host funnels calls through here, so a malformed
 * message gets an error value and changes nothing, whatever the transport.
 */
export async function dispatchCall(handlers: FerryHandlers, method: unknown, input: unknown, caller?: Caller): Promise<CallResult> {
  try {
    if (!isMethod(method)) throw new FerryError('INVALID_INPUT', `Unknown method: ${String(method)}`);
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` (${first.path.join('.')})` : '';
      throw new FerryError('INVALID_INPUT', `Invalid input for ${method}${where}: ${first?.message ?? 'malformed'}`);
    }
    const handler = handlers[method] as (i: unknown, c?: Caller) => Promise<unknown>;
    // Only window methods get the caller: others' second parameter is the facade's own (a host's `follow`).
    const forWindow = (WINDOW_METHODS as readonly string[]).includes(method);
    const output = await (forWindow ? handler.call(handlers, parsed.data, caller) : handler.call(handlers, parsed.data));
    return { ok: true, output: output ?? {} };
  } catch (err) {
    return { ok: false, error: toErrorValue(err) };
  }
}
