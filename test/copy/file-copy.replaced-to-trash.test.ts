import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { processTask, tempPrefixFor } from '../../src/main/engine/copy/file-copy';
import type { BatchSettings } from '../../src/main/engine/copy/copy-protocol';
import { listTrash } from '../../src/main/engine/trash/trash-store';
import { tree } from '../helpers/tree';
import { homeOfItsOwn } from '../helpers/trash-env';

/** Replace, undoable (docs/file-operations.md "Trash"): the replaced file goes to the Trash, by a link. */
const { home, homeTrash } = homeOfItsOwn();
const settings = (dest: string, extra: Partial<BatchSettings> = {}): BatchSettings =>
  ({ dest, mode: 'replace', resume: false, tempPrefix: tempPrefixFor('feedbeef-0000-4000-8000-000000000000'), ...extra });

test('with replacedToTrash a replaced file is the very file in the trash (same inode), the new one under its name', () => {
  tree(home, { 'r1/src/doc.txt': 'new text', 'r1/dest/src/doc.txt': 'old text' });
  const old = path.join(home, 'r1/dest/src/doc.txt');
  const inode = fs.statSync(old).ino;
  const out = processTask({ source: path.join(home, 'r1/src/doc.txt'), rel: 'src/doc.txt', kind: 'file', hint: 'unknown' },
    settings(path.join(home, 'r1/dest'), { replacedToTrash: true }));
  assert.equal(out.o, 'copied');
  assert.equal(fs.readFileSync(old, 'utf8'), 'new text');
  const [item] = listTrash().filter((i) => i.originalPath === old);
  assert.ok(item, 'the replaced file is listed in the trash');
  assert.equal(fs.statSync(item.id).ino, inode, 'linked, not copied');
  assert.equal(fs.readFileSync(item.id, 'utf8'), 'old text');
  assert.equal(fs.statSync(item.id).nlink, 1, 'the name now holds the new file only');
  assert.match(fs.readFileSync(path.join(homeTrash, 'info', `${path.basename(item.id)}.trashinfo`), 'utf8'), new RegExp(`^Path=${old}$`, 'm'));
});

test('a file replaced by a folder goes to the trash too; without the setting a replace trashes nothing', () => {
  tree(home, { 'r2/src/thing/inner.txt': 'i', 'r2/dest/src/thing': 'was a file', 'r2/src/plain.txt': 'p2', 'r2/dest/src/plain.txt': 'p1' });
  const dest = path.join(home, 'r2/dest');
  // Only the answer "replace" turns a file into a folder (copy-decision.ts).
  const out = processTask({ source: path.join(home, 'r2/src/thing'), rel: 'src/thing', kind: 'dir', hint: 'unknown', force: 'replace' },
    settings(dest, { mode: 'prompt', replacedToTrash: true }));
  assert.equal(out.o, 'dir');
  assert.ok(fs.statSync(path.join(dest, 'src/thing')).isDirectory());
  const [item] = listTrash().filter((i) => i.originalPath === path.join(dest, 'src/thing'));
  assert.equal(fs.readFileSync(item!.id, 'utf8'), 'was a file');

  processTask({ source: path.join(home, 'r2/src/plain.txt'), rel: 'src/plain.txt', kind: 'file', hint: 'unknown' }, settings(dest));
  assert.equal(fs.readFileSync(path.join(dest, 'src/plain.txt'), 'utf8'), 'p2');
  assert.equal(listTrash().some((i) => i.originalPath === path.join(dest, 'src/plain.txt')), false);
});
