import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { processTask, tempPrefixFor } from '../../src/main/engine/copy/file-copy';
import type { BatchSettings, CopyTask } from '../../src/main/engine/copy/copy-protocol';
import { tempDir, tree } from '../helpers/tree';

/**
 * A worker's move of one file (copy/move-file.ts through processTask). One file system here: the rename cases,
 * and a resume meeting a file on both sides (the originals it may and may not remove). Across file systems:
 * test/cli/move.cross-device.test.ts and move.kill.test.ts.
 */
const JOB = '1234abcd-0000-4000-8000-000000000000';
const T = new Date('2024-02-03T04:05:06.789Z');

function settings(dest: string, extra: Partial<BatchSettings> = {}): BatchSettings {
  return { dest, mode: 'replace', resume: false, tempPrefix: tempPrefixFor(JOB), move: { verify: false }, ...extra };
}

function task(src: string, rel: string, extra: Partial<CopyTask> = {}): CopyTask {
  return { source: path.join(src, rel), rel: `s/${rel}`, kind: 'file', hint: 'unknown', ...extra };
}

test('one file system: the file is renamed into place (same inode), its folder made when missing, the original gone', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'deep/a.txt': 'a' });
  const dest = fs.mkdirSync(path.join(root, 'd'), { recursive: true })!;
  const ino = fs.lstatSync(path.join(src, 'deep/a.txt')).ino;
  const out = processTask(task(src, 'deep/a.txt'), settings(dest));
  // Both folders it made are the job's own (checkpointed as made: an undo may send them to the Trash).
  assert.deepEqual(out, { o: 'copied', size: 1, destRel: 's/deep/a.txt', existed: false, removed: true, madeFolders: 2 });
  assert.equal(fs.lstatSync(path.join(dest, 's/deep/a.txt')).ino, ino);
  assert.equal(fs.existsSync(path.join(src, 'deep/a.txt')), false);
});

test('a file moved into folders that are there made none; one whose folder another file made meanwhile neither', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'deep/a.txt': 'a', 'deep/b.txt': 'b', 'top.txt': 't' });
  const dest = tree(path.join(root, 'd'), { 's/old.txt': 'o' });
  assert.deepEqual(processTask(task(src, 'top.txt'), settings(dest)), { o: 'copied', size: 1, destRel: 's/top.txt', existed: false, removed: true });
  assert.equal((processTask(task(src, 'deep/a.txt'), settings(dest)) as { madeFolders?: number }).madeFolders, 1);
  assert.equal((processTask(task(src, 'deep/b.txt'), settings(dest)) as { madeFolders?: number }).madeFolders, undefined);
});

test('replace renames over the file there; skip leaves both where they are', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'a.txt': 'new', 'b.txt': 'mine' });
  const dest = tree(path.join(root, 'd'), { 's/a.txt': 'old', 's/b.txt': 'theirs' });
  assert.equal(processTask(task(src, 'a.txt'), settings(dest)).o, 'copied');
  assert.equal(fs.readFileSync(path.join(dest, 's/a.txt'), 'utf8'), 'new');
  const skipped = processTask(task(src, 'b.txt'), settings(dest, { mode: 'skip' }));
  assert.equal(skipped.o, 'skipped');
  assert.deepEqual([fs.readFileSync(path.join(src, 'b.txt'), 'utf8'), fs.readFileSync(path.join(dest, 's/b.txt'), 'utf8')], ['mine', 'theirs']);
});

const bothSides: { name: string; dest: { content: string; mtime: Date }; doneBefore: boolean; o: string; originalKept: boolean }[] = [
  { name: 'the same size and mtime (the interrupted run\'s copy): the original goes', dest: { content: 'same', mtime: T }, doneBefore: false, o: 'already', originalKept: false },
  { name: 'the same, and a checkpoint says it was copied: the original goes', dest: { content: 'same', mtime: T }, doneBefore: true, o: 'already', originalKept: false },
  { name: 'another mtime: not its copy, a conflict (skip): the original stays', dest: { content: 'same', mtime: new Date('2020-01-01') }, doneBefore: true, o: 'skipped', originalKept: true },
  { name: 'another size: not its copy (skip): the original stays', dest: { content: 'longer', mtime: T }, doneBefore: false, o: 'skipped', originalKept: true },
  // A file that was there before the job, by chance of the same size and time: no checkpoint, other bytes.
  { name: 'the same size and mtime but other bytes, no checkpoint: not its copy (skip): the original stays', dest: { content: 'SAME', mtime: T }, doneBefore: false, o: 'skipped', originalKept: true },
];
for (const c of bothSides) {
  test(`resume, a file on both sides with ${c.name}`, () => {
    const root = tempDir();
    const src = tree(path.join(root, 's'), { 'f.txt': { content: 'same', mtime: T } });
    const dest = tree(path.join(root, 'd'), { 's/f.txt': c.dest });
    const t = task(src, 'f.txt', c.doneBefore ? { doneBefore: { destRel: 's/f.txt' } } : {});
    const out = processTask(t, settings(dest, { resume: true, mode: 'skip' }));
    assert.equal(out.o, c.o);
    if (out.o === 'already') assert.equal(out.removed, true);
    assert.equal(fs.existsSync(path.join(src, 'f.txt')), c.originalKept);
    assert.equal(fs.readFileSync(path.join(dest, 's/f.txt'), 'utf8'), c.dest.content);
  });
}
