import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConflictPolicy } from '../../src/main/engine/copy/conflicts';
import { FerryError } from '../../src/shared/errors';

test('the conflict policy settles one answer, or every pending and later conflict with applyToAll', () => {
  const settled: [string, string][] = [];
  const p = new ConflictPolicy<string>((c, r) => settled.push([c, r]));
  const a = p.add('a')!;
  const b = p.add('b')!;
  p.add('c');
  assert.throws(() => p.resolve({ conflictId: 'zzz', resolution: 'skip', applyToAll: false }),
    (e: unknown) => e instanceof FerryError && e.code === 'CONFLICT_NOT_FOUND');
  p.resolve({ conflictId: b, resolution: 'replace', applyToAll: false });
  p.resolve({ conflictId: a, resolution: 'skip', applyToAll: true });
  assert.equal(p.size, 0);
  assert.equal(p.add('d'), null, 'a later conflict is answered at once');
  assert.deepEqual(settled, [['b', 'replace'], ['a', 'skip'], ['c', 'skip'], ['d', 'skip']]);
});
