import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryEvent, type EventOf } from '../../src/shared/events';
import { snapshot, tempDir, tree } from '../helpers/tree';
import { ferry as ferrySync, startFerry as ferry } from '../helpers/ferry-cli';
import { contents } from './move-fixtures';

/** `ferry move` on one file system: its own process, a real library file, real folders. */
function setup() {
  const root = tempDir('ferry-cli-move-');
  return { root, env: { FERRY_DB: path.join(root, 'library.db') }, dest: fs.mkdirSync(path.join(root, 'dest'), { recursive: true })! };
}

const inode = (p: string) => fs.lstatSync(p).ino;
const completedOf = (events: FerryEvent[]) => events.at(-1) as EventOf<'completed'>;

describe('ferry move on one file system', () => {
  test('each SOURCE is renamed whole into DEST: inodes kept, nothing left at the source, events say "move"', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'photos/a.jpg': 'aaaa', 'photos/deep/b.jpg': 'bb', 'photos/empty/.keep': '', 'note.txt': 'n' });
    const want = snapshot(path.join(src, 'photos'));
    const inodes = { dir: inode(path.join(src, 'photos')), file: inode(path.join(src, 'photos/deep/b.jpg')), note: inode(path.join(src, 'note.txt')) };
    const r = await ferry(['move', '--json', path.join(src, 'photos'), path.join(src, 'note.txt'), dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    for (const line of r.stdout.trim().split('\n')) assert.ok(FerryEvent.safeParse(JSON.parse(line)).success, line);
    const first = r.events[0]!;
    assert.ok(first.type === 'initialEstimate' && first.operation === 'move', JSON.stringify(first));
    const done = completedOf(r.events);
    assert.equal(done.status, 'done');
    assert.equal(done.operation, 'move');
    assert.equal(done.renamed, 2);
    assert.deepEqual(snapshot(path.join(dest, 'photos')), want);
    assert.deepEqual(fs.readdirSync(src), []);
    assert.equal(inode(path.join(dest, 'photos')), inodes.dir);
    assert.equal(inode(path.join(dest, 'photos/deep/b.jpg')), inodes.file);
    assert.equal(inode(path.join(dest, 'note.txt')), inodes.note);

    const jobs = ferrySync(['jobs'], env);
    assert.match(jobs.stdout, /\bmove\s+completed\b/);
    assert.match(jobs.stdout, /src\/photos \+1 more → /);
  });

  test('a folder meeting a folder merges entry by entry (each a rename); a conflict answered over --json', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'x/clash.txt': 'new', 'x/moved.txt': 'm', 'x/sub/deep.txt': 'd', 'x/same/s.txt': 's' });
    tree(dest, { 'x/clash.txt': 'older', 'x/theirs.txt': 't', 'x/same/other.txt': 'o' });
    const inodes = { moved: inode(path.join(src, 'x/moved.txt')), deep: inode(path.join(src, 'x/sub/deep.txt')), clash: inode(path.join(src, 'x/clash.txt')) };
    const run = ferry(['move', '--json', '--overwrite', 'prompt', path.join(src, 'x'), dest], env, { stdin: 'pipe' });
    run.onEvent((e) => {
      if (e.type === 'conflict') {
        run.child.stdin!.end(`${JSON.stringify({ type: 'resolve', conflictId: e.conflictId, resolution: 'replace', applyToAll: false })}\n`);
      }
    });
    const r = await run.exited;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.events.filter((e) => e.type === 'conflict').length, 1);
    const done = completedOf(r.events);
    assert.deepEqual([done.renamed, done.originalsRemoved], [0, 4]);
    assert.deepEqual(contents(path.join(dest, 'x')), {
      'clash.txt': 'new', 'moved.txt': 'm', 'theirs.txt': 't', 'same': 'dir/', 'same/other.txt': 'o', 'same/s.txt': 's', 'sub': 'dir/', 'sub/deep.txt': 'd',
    });
    assert.equal(inode(path.join(dest, 'x/moved.txt')), inodes.moved);
    assert.equal(inode(path.join(dest, 'x/sub/deep.txt')), inodes.deep);
    assert.equal(inode(path.join(dest, 'x/clash.txt')), inodes.clash, 'the replacing file is the renamed original');
    assert.deepEqual(fs.readdirSync(src), [], 'the emptied source folders are removed');
  });

  test('what is skipped stays where it was, with its folders; the rest moves', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'x/keep/clash.txt': 'mine', 'x/keep/go.txt': 'g', 'x/free.txt': 'f' });
    tree(dest, { 'x/keep/clash.txt': 'theirs' });
    const r = await ferry(['move', '--json', '--overwrite', 'skip', path.join(src, 'x'), dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(contents(src), { x: 'dir/', 'x/keep': 'dir/', 'x/keep/clash.txt': 'mine' });
    assert.deepEqual(contents(path.join(dest, 'x')), { 'free.txt': 'f', keep: 'dir/', 'keep/clash.txt': 'theirs', 'keep/go.txt': 'g' });
    const done = completedOf(r.events);
    assert.deepEqual([done.skippedFiles, done.originalsRemoved], [1, 2]);
  });

  test('keep-both on one file system: the original is linked to the free name and its old name removed', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'x/a.txt': 'new' });
    tree(dest, { 'x/a.txt': 'old' });
    const ino = inode(path.join(src, 'x/a.txt'));
    const r = await ferry(['move', '--json', '--overwrite', 'keep-both', path.join(src, 'x'), dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(contents(path.join(dest, 'x')), { 'a.txt': 'old', 'a 2.txt': 'new' });
    assert.equal(inode(path.join(dest, 'x/a 2.txt')), ino);
    assert.deepEqual(fs.readdirSync(src), []);
  });

  const refusals: { name: string; args(p: { src: string; dest: string; root: string }): string[]; message: RegExp }[] = [
    { name: 'a missing SOURCE', args: ({ src, dest }) => [path.join(src, 'nope'), path.join(src, 'a.txt'), dest], message: /No such file or folder: .*nope/ },
    { name: 'DEST missing', args: ({ src, root }) => [path.join(src, 'a.txt'), path.join(root, 'nowhere')], message: /destination folder does not exist/ },
    { name: 'DEST a file', args: ({ src }) => [path.join(src, 'dir'), path.join(src, 'a.txt')], message: /destination is not a folder/ },
    { name: 'DEST inside the SOURCE', args: ({ src }) => [path.join(src, 'dir'), path.join(src, 'dir/inner')], message: /inside the folder being moved/ },
    { name: 'DEST equal to the SOURCE (through a symlink)', args: ({ src, root }) => [path.join(src, 'dir'), path.join(root, 'link-to-dir')], message: /inside the folder being moved/ },
    { name: 'a SOURCE already in DEST', args: ({ src }) => [path.join(src, 'a.txt'), src], message: /already in .*: there is nothing to move/ },
    { name: 'two SOURCEs with the same name', args: ({ src, root }) => [path.join(src, 'a.txt'), path.join(root, 'other/a.txt'), path.join(src, 'dir')], message: /same name/ },
  ];
  for (const c of refusals) {
    test(`refused with one sentence, exit 2, nothing touched: ${c.name}`, async () => {
      const { root, env, dest } = setup();
      const src = tree(path.join(root, 'src'), { 'a.txt': 'a', 'dir/inner/f.txt': 'f' });
      tree(path.join(root, 'other'), { 'a.txt': 'other a' });
      fs.symlinkSync(path.join(src, 'dir'), path.join(root, 'link-to-dir'));
      const before = snapshot(root);
      const r = await ferry(['move', ...c.args({ src, dest, root })], env).exited;
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, c.message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      const after = snapshot(root);
      for (const name of ['library.db', 'library.db-wal', 'library.db-shm']) delete after[name];
      assert.deepEqual(after, before);
    });
  }

  test('--help says how a move works and what it refuses', () => {
    const r = ferrySync(['move', '--help'], {});
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: ferry move/);
    assert.match(r.stdout, /--verify/);
    assert.match(r.stdout, /whole under its final name in at\s+least one place/);
  });
});
