import assert from 'node:assert/strict';
import { FerryError } from '../../src/shared/errors';

/** The FerryError code a promise rejects with ('resolved' when it does not reject). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof FerryError, `expected a FerryError, got ${String(err)}`);
    return err.code;
  }
  return 'resolved';
}
