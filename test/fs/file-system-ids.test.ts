import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileSystemIds } from '../../src/main/engine/fs/file-system-ids';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { dispatchCall } from '../../src/shared/dispatch';
import { tempDir, tree, symlink } from '../helpers/tree';
import { bytePath, ODD_FILE, ODD_FILE_NAME } from '../helpers/odd-names';

/** A second real file system (needs root; the reason otherwise). */
function mountTmpfs(): { dir: string; remove(): void } | string {
  const dir = tempDir('ferry-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    return `cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})`;
  }
  return { dir, remove: () => { try { execFileSync('umount', ['-l', dir]); } catch { /* already gone */ } } };
}

test('paths on one file system share an id; a missing path is null; a dangling link has its own folder\'s', async () => {
  const root = tree(tempDir(), { 'a/b.txt': 'b', 'c/d/e.txt': 'e', 'dangling': symlink('nowhere') });
  fs.writeFileSync(bytePath(root, ODD_FILE), 'odd');
  const ids = await fileSystemIds([
    path.join(root, 'a/b.txt'), path.join(root, 'c/d'), path.join(root, 'dangling'), path.join(root, ODD_FILE_NAME), path.join(root, 'gone'),
  ]);
  assert.equal(ids[0], String(fs.statSync(root).dev));
  assert.deepEqual(ids, [ids[0], ids[0], ids[0], ids[0], null]);
});

test('a folder on another file system (and a link into it) has a different id', async (t) => {
  const disk = mountTmpfs();
  if (typeof disk === 'string') { t.skip(disk); return; }
  try {
    const home = tree(tempDir(), { 'here.txt': 'h', 'there': symlink(disk.dir) });
    const [here, there, through] = await fileSystemIds([path.join(home, 'here.txt'), disk.dir, path.join(home, 'there')]);
    assert.notEqual(here, there);
    assert.equal(through, there, 'a symlinked folder counts where its contents are');
  } finally {
    disk.remove();
  }
});

test('the facade answers fileSystemIds and the contract refuses an empty or relative list', async () => {
  const engine = createFerryEngine({ dbFile: path.join(tempDir(), 'library.db'), browsing: false });
  try {
    const dir = tempDir();
    const result = await dispatchCall(engine, 'fileSystemIds', { paths: [dir, path.join(dir, 'missing')] });
    assert.deepEqual(result, { ok: true, output: [String(fs.statSync(dir).dev), null] });
    const empty = await dispatchCall(engine, 'fileSystemIds', { paths: [] });
    assert.equal(empty.ok ? 'ok' : empty.error.code, 'INVALID_INPUT');
  } finally {
    await engine.shutdown();
  }
});
