import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckpointRow } from '../../src/main/engine/copy/checkpoints';
import { createdRoots, type RootRules } from '../../src/main/engine/history/created-roots';

const file = (rel: string, code: string | null = null, destRel: string | null = null): CheckpointRow => ({ rel, state: 'done', destRel, size: 1, code });
const made = (rel: string): CheckpointRow => ({ rel, state: 'done', destRel: null, size: 0, code: 'made' });

/** A copy's rules: the files it created, every folder it made. */
const copy: RootRules = { file: (r) => r.code === null, folder: () => true };
/** A move whose source folder A/stays is still there (something in it was skipped). */
const moveWith = (stays: string): RootRules => ({ file: (r) => r.code === null, folder: (rel) => rel !== stays && !stays.startsWith(`${rel}/`) });

const table: { name: string; rows: CheckpointRow[]; rules: RootRules; roots: [string, string][] }[] = [
  { name: 'nothing done below: no item', rows: [], rules: copy, roots: [] },
  {
    name: 'files created in folders that were there are items each; a folder made is one item with all below it',
    rows: [file('A/new.txt'), made('A/newsub'), file('A/newsub/x'), made('A/newsub/deep'), file('A/newsub/deep/z'), file('A/keep/y')],
    rules: copy, roots: [['A/keep/y', 'A/keep/y'], ['A/new.txt', 'A/new.txt'], ['A/newsub', 'A/newsub']],
  },
  {
    name: 'a file that replaced one, or that a resume found in place, is not the job\'s',
    rows: [file('A/old.txt', 'replaced'), file('A/found.txt', 'found'), file('A/mine.txt')],
    rules: copy, roots: [['A/mine.txt', 'A/mine.txt']],
  },
  {
    name: 'a file kept beside a taken name is the job\'s, at the name it took',
    rows: [file('A/a.txt', null, 'A/a 2.txt')], rules: copy, roots: [['A/a.txt', 'A/a 2.txt']],
  },
  {
    name: 'a folder made below one made is covered by the highest (even when its row comes first)',
    rows: [made('A/n/m'), file('A/n/m/f'), made('A/n')], rules: copy, roots: [['A/n', 'A/n']],
  },
  {
    name: 'a made folder that cannot go back whole (its source is still there): its own made folders and files instead',
    rows: [made('A/stays'), file('A/stays/f'), made('A/stays/sub'), file('A/stays/sub/g'), made('A/other'), file('A/other/h')],
    rules: moveWith('A/stays'), roots: [['A/other', 'A/other'], ['A/stays/f', 'A/stays/f'], ['A/stays/sub', 'A/stays/sub']],
  },
  {
    name: 'a name that merely starts like a made folder is not in it',
    rows: [made('A/n'), file('A/n2/f'), file('A/n.txt')], rules: copy, roots: [['A/n', 'A/n'], ['A/n.txt', 'A/n.txt'], ['A/n2/f', 'A/n2/f']],
  },
  {
    name: 'names that are not UTF-8 (escaped bytes) are compared as they are',
    rows: [made('A/d\udce9r'), file('A/d\udce9r/x\udc80'), file('A/d\udce9r2/y')], rules: copy,
    roots: [['A/d\udce9r', 'A/d\udce9r'], ['A/d\udce9r2/y', 'A/d\udce9r2/y']],
  },
];

for (const row of table) {
  test(`created roots: ${row.name}`, () => {
    assert.deepEqual(createdRoots(row.rows, row.rules).map((l) => [l.rel, l.at]), row.roots);
  });
}
