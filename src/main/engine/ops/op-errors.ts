import { FerryError, toErrorValue } from '../../../shared/errors';

/**
 * File operations throw FerryErrors only: an errno error becomes one with its code and a sentence naming
 * the item (errors.ts maps it), so the CLI prints it and the UI shows it like any refusal.
 */
export function asFerryError(err: unknown, path: string): FerryError {
  if (err instanceof FerryError) return err;
  const value = toErrorValue(err, path);
  return new FerryError(value.code, value.message, value.path);
}

/** Runs `op`, turning whatever it throws into a FerryError about `path`. */
export async function withOpErrors<T>(path: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw asFerryError(err, path);
  }
}
