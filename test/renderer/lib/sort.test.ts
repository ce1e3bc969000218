import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeSorted, sortEntries, type SortKey } from '../../../src/renderer/lib/sort';
import type { FolderEntry } from '../../../src/shared/types';

const entry = (name: string, kind: FolderEntry['kind'], size = 0, mtimeMs = 0): FolderEntry =>
  ({ name, path: `/x/${name}`, kind, size, mtimeMs, hidden: name.startsWith('.') });

test('folders stay on top; names sort naturally; a column sorts both ways', () => {
  const entries = [entry('b 10.txt', 'file', 5), entry('Zeta', 'dir'), entry('b 9.txt', 'file', 50), entry('alpha', 'dir')];
  assert.deepEqual(sortEntries(entries, { key: 'name', ascending: true }).map((e) => e.name), ['alpha', 'Zeta', 'b 9.txt', 'b 10.txt']);
  assert.deepEqual(sortEntries(entries, { key: 'size', ascending: false }).map((e) => e.name), ['Zeta', 'alpha', 'b 9.txt', 'b 10.txt']);
  assert.deepEqual(entries.map((e) => e.name), ['b 10.txt', 'Zeta', 'b 9.txt', 'alpha'], 'the input is not reordered');
});

test('pages merged into sorted rows give the order of sorting everything at once', () => {
  const arbEntry = fc.record({
    name: fc.constantFrom('a', 'B', 'b 2', 'b 10', 'c.txt', '.dot', 'Zeta', 'x 1', 'x 01'),
    kind: fc.constantFrom<FolderEntry['kind']>('file', 'dir', 'symlink'),
    size: fc.integer({ min: 0, max: 5 }),
    mtimeMs: fc.integer({ min: 0, max: 5 }),
  }).map(({ name, kind, size, mtimeMs }) => entry(name, kind, size, mtimeMs));
  const arbOrder = fc.record({ key: fc.constantFrom<SortKey>('name', 'size', 'kind', 'modified'), ascending: fc.boolean() });
  fc.assert(fc.property(fc.array(fc.array(arbEntry, { maxLength: 12 }), { maxLength: 5 }), arbOrder, (pages, order) => {
    let rows: FolderEntry[] = [];
    for (const page of pages) rows = mergeSorted(rows, page, order);
    assert.deepEqual(rows, sortEntries(pages.flat(), order));
  }));
});

test('a page that sorts after every row is appended as it is', () => {
  const order = { key: 'name' as const, ascending: true };
  const rows = [entry('a', 'dir'), entry('f 1', 'file'), entry('f 2', 'file')];
  const merged = mergeSorted(rows, [entry('f 10', 'file'), entry('f 3', 'file')], order);
  assert.deepEqual(merged.map((e) => e.name), ['a', 'f 1', 'f 2', 'f 3', 'f 10']);
  assert.deepEqual(rows.map((e) => e.name), ['a', 'f 1', 'f 2'], 'the rows shown are not changed in place');
});
