import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { filesAsBytes, oddTree } from '../helpers/odd-names';
import { folderOn, readOnlyFolder, secondFileSystem } from '../helpers/second-fs';
import { emptyDir, manyFiles, symlink, tempDir, tree } from '../helpers/tree';
import { startFerry as ferry } from '../helpers/ferry-cli';
import { contents } from './move-fixtures';

/**
 * `ferry move` across two real file systems (the disk and a tmpfs the test mounts: rename(2) answers EXDEV
 * between them), so every file is copied and then its original removed.
 */
const second = secondFileSystem();
const completedOf = (events: FerryEvent[]) => events.at(-1) as EventOf<'completed'>;

function setup() {
  const root = tempDir('ferry-cli-move-x-');
  const dest = folderOn(second.dir!, path.basename(root));
  return { root, dest, env: { FERRY_DB: path.join(root, 'library.db') } };
}

describe('ferry move across file systems', { skip: second.skip }, () => {
  test('a tree with odd names, symlinks, empty folders and a FIFO: copied, originals removed, the FIFO stays', async () => {
    const { root, dest, env } = setup();
    const src = path.join(root, 'tree');
    fs.mkdirSync(src);
    const files = oddTree(src);
    tree(src, { 'empty/deeper': emptyDir(), 'link-to-a': symlink('a.txt'), 'special/keep.txt': 'k' });
    assert.equal(spawnSync('mkfifo', [path.join(src, 'special/pipe')]).status, 0);
    const mtime = fs.lstatSync(path.join(src, 'a.txt')).mtimeMs;

    const r = await ferry(['move', '--json', src, dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    const moved = path.join(dest, 'tree');
    assert.deepEqual(filesAsBytes(moved), { ...files, 'special/keep.txt': 'k' });
    assert.equal(fs.readlinkSync(path.join(moved, 'link-to-a')), 'a.txt');
    assert.ok(fs.statSync(path.join(moved, 'empty/deeper')).isDirectory());
    assert.equal(fs.lstatSync(path.join(moved, 'a.txt')).mtimeMs, mtime);
    // Only the FIFO (skipped, special) stays, with the folders that lead to it.
    assert.deepEqual(contents(src), { special: 'dir/', 'special/pipe': 'other' });
    assert.equal(fs.existsSync(path.join(moved, 'special/pipe')), false);
    const done = completedOf(r.events);
    assert.deepEqual([done.operation, done.renamed, done.originalsRemoved, done.failedFiles], ['move', 0, 8, 0]);
    assert.ok(r.events.some((e) => e.type === 'filesSkipped' && e.reason === 'special'));
  });

  test('a read-only source folder: its files are copied, the originals stay, each reported; exit 1', async () => {
    const { root, dest, env } = setup();
    const src = tree(path.join(root, 'src'), { 'free.txt': 'f', 'locked/a.txt': 'a', 'locked/b.txt': 'b' });
    const undo = readOnlyFolder(path.join(src, 'locked'));
    let r;
    try {
      r = await ferry(['move', '--json', src, dest], env).exited;
    } finally {
      undo();
    }
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(contents(path.join(dest, 'src')), { 'free.txt': 'f', locked: 'dir/', 'locked/a.txt': 'a', 'locked/b.txt': 'b' });
    assert.deepEqual(contents(src), { locked: 'dir/', 'locked/a.txt': 'a', 'locked/b.txt': 'b' });
    const failed = r.events.filter((e): e is EventOf<'fileFailed'> => e.type === 'fileFailed');
    assert.equal(failed.length, 2);
    for (const f of failed) {
      assert.match(f.message, /copied but the original could not be removed/);
      assert.ok(['EROFS', 'EACCES'].includes(f.code), f.code);
    }
    assert.deepEqual([completedOf(r.events).originalsRemoved, completedOf(r.events).failedFiles], [1, 2]);
  });

  test('--verify: the originals go once the copies match them byte for byte', async () => {
    const { root, dest, env } = setup();
    const src = tree(path.join(root, 'src'), manyFiles(50, 3000));
    const want = contents(src);
    const r = await ferry(['move', '--json', '--verify', src, dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(contents(path.join(dest, 'src')), want);
    assert.equal(fs.existsSync(src), false);
    assert.equal(completedOf(r.events).originalsRemoved, 50);
  });

  test('kill -9, then ferry resume: a file on both sides is removed at the source only when the copy matches', async () => {
    const { root, dest, env } = setup();
    const src = tree(path.join(root, 'src'), manyFiles(1500, 2000));
    const want = contents(src);
    const run = ferry(['move', '--json', '--concurrency', '1', '--limit-rate', '1M', src, dest], env);
    let killed = false;
    run.onEvent((e) => { if (!killed && e.type === 'progress' && e.copiedFiles > 100) { killed = true; run.child.kill('SIGKILL'); } });
    const r = await run.exited;
    assert.equal(r.signal, 'SIGKILL', r.stderr);
    const jobId = r.events[0]!.jobId;
    // A file still at the source meets, at its place in DEST, a file that is not its copy: the resume must
    // keep that original (skip, the job's mode), and move all the others.
    const left = Object.keys(contents(src)).filter((rel) => rel.endsWith('.txt'));
    assert.ok(left.length > 0, 'the kill came before the end');
    const planted = left[0]!;
    fs.mkdirSync(path.dirname(path.join(dest, 'src', planted)), { recursive: true });
    fs.writeFileSync(path.join(dest, 'src', planted), 'not the same');

    const again = await ferry(['resume', '--json', jobId], env).exited;
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.events[0]!.type, 'resumeDetected');
    assert.equal(completedOf(again.events).operation, 'move');
    assert.deepEqual(contents(src), { [path.dirname(planted)]: 'dir/', [planted]: want[planted]! });
    assert.deepEqual(contents(path.join(dest, 'src')), { ...want, [planted]: 'not the same' });
  });
});
