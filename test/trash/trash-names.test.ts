import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { infoNameOf, nameOfInfo, trashNameCandidates } from '../../src/main/engine/trash/trash-names';

const first = (name: string, n: number): string[] => {
  const out: string[] = [];
  for (const c of trashNameCandidates(name)) {
    out.push(c);
    if (out.length === n) break;
  }
  return out;
};

test('an item takes its own name in the trash, then Finder-style numbered names on collision', () => {
  assert.deepEqual(first('report.pdf', 3), ['report.pdf', 'report 2.pdf', 'report 3.pdf']);
  assert.deepEqual(first('archive.tar.gz', 2), ['archive.tar.gz', 'archive 2.tar.gz']);
  assert.deepEqual(first('.bashrc', 2), ['.bashrc', '.bashrc 2']);
});

test('a name too long to take ".trashinfo" beside it is shortened, never refused', () => {
  const long = `${'é'.repeat(120)}.txt`; // 244 bytes: fits; its info name would be 254
  assert.equal(first(long, 1)[0], long);
  const longer = `${'a'.repeat(250)}.txt`;
  const [c] = first(longer, 1);
  assert.ok(Buffer.byteLength(infoNameOf(c!)) <= 255, c);
  assert.ok(c!.endsWith(' 2.txt'));
});

test('info file names map back to the trashed name', () => {
  assert.equal(nameOfInfo('a b.txt.trashinfo'), 'a b.txt');
  assert.equal(nameOfInfo('.trashinfo'), null);
  assert.equal(nameOfInfo('x.tmp'), null);
});
