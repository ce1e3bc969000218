import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { trashItems } from '../../src/main/engine/trash/trash-put';
import { deleteTrashed, emptyTrash, findTrashed, listTrash, restoreItems } from '../../src/main/engine/trash/trash-store';
import { allTrashDirs } from '../../src/main/engine/trash/trash-dirs';
import { readDirectorySizes } from '../../src/main/engine/trash/directory-sizes';
import { snapshot, tree } from '../helpers/tree';
import { FerryError } from '../../src/shared/errors';
import { homeOfItsOwn, mountScratch, mountSkipReason } from '../helpers/trash-env';

const { home, homeTrash } = homeOfItsOwn();

function errorCode(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof FerryError, String(err));
    return err.code;
  }
  return 'returned';
}

test('the list shows each item with its original place and date, newest first; an info without its item is left out', () => {
  tree(home, { 'l/old.txt': 'o', 'l/new/inner.txt': 'i' });
  trashItems([path.join(home, 'l/old.txt')], new Date(2020, 1, 1, 1, 1, 1));
  trashItems([path.join(home, 'l/new')], new Date(2021, 1, 1, 1, 1, 1));
  fs.writeFileSync(path.join(homeTrash, 'info', 'ghost.trashinfo'), '[Trash Info]\nPath=/ghost\nDeletionDate=2022-01-01T00:00:00\n');
  fs.writeFileSync(path.join(homeTrash, 'info', 'junk.trashinfo'), 'not an info file');
  fs.writeFileSync(path.join(homeTrash, 'files', 'junk'), 'j');
  const mine = listTrash().filter((i) => i.originalPath.startsWith(path.join(home, 'l/')));
  assert.deepEqual(mine.map((i) => [i.name, i.originalPath, i.kind, i.size, i.deletedAt]), [
    ['new', path.join(home, 'l/new'), 'dir', 1, new Date(2021, 1, 1, 1, 1, 1).getTime()],
    ['old.txt', path.join(home, 'l/old.txt'), 'file', 1, new Date(2020, 1, 1, 1, 1, 1).getTime()],
  ]);
  assert.equal(listTrash().some((i) => i.name === 'ghost' || i.name === 'junk'), false);
});

test('restore puts an item back at its original place, creating the folders above it, and forgets it', () => {
  tree(home, { 'r/a/b/c.txt': 'c', 'r/a/dir/x.txt': 'x' });
  const [file, dir] = trashItems([path.join(home, 'r/a/b/c.txt'), path.join(home, 'r/a/dir')]).items;
  fs.rmSync(path.join(home, 'r'), { recursive: true });
  const result = restoreItems([file!.id, dir!.id], 'ask');
  assert.deepEqual(result.restored, [{ id: file!.id, path: path.join(home, 'r/a/b/c.txt') }, { id: dir!.id, path: path.join(home, 'r/a/dir') }]);
  assert.deepEqual(Object.keys(snapshot(path.join(home, 'r'))).sort(), ['a', 'a/b', 'a/b/c.txt', 'a/dir', 'a/dir/x.txt']);
  assert.equal(fs.readFileSync(path.join(home, 'r/a/b/c.txt'), 'utf8'), 'c');
  assert.equal(fs.readFileSync(path.join(home, 'r/a/dir/x.txt'), 'utf8'), 'x');
  assert.equal(fs.existsSync(path.join(homeTrash, 'info', `${path.basename(file!.id)}.trashinfo`)), false);
  assert.equal(readDirectorySizes(homeTrash).some((e) => e.name === path.basename(dir!.id)), false, 'its directorysizes line went too');
  assert.equal(errorCode(() => restoreItems([file!.id], 'ask')), 'TRASH_ITEM_NOT_FOUND');
});

test('a taken original place: ask reports it and changes nothing; skip leaves it; keep-both restores beside; replace trashes what was there', () => {
  const at = (n: string) => path.join(home, 'c', n);
  tree(home, { 'c/k.txt': 'trashed' });
  const trashed = () => trashItems([at('k.txt')]).items[0]!;
  const item = trashed();
  fs.writeFileSync(at('k.txt'), 'new one');
  assert.deepEqual(restoreItems([item.id], 'ask'), { restored: [], conflicts: [{ id: item.id, path: at('k.txt') }], skipped: [], replaced: [] });
  assert.deepEqual(restoreItems([item.id], 'skip').skipped, [item.id]);
  assert.ok(fs.existsSync(item.id));
  assert.deepEqual(restoreItems([item.id], 'keep-both').restored, [{ id: item.id, path: at('k 2.txt') }]);
  assert.equal(fs.readFileSync(at('k 2.txt'), 'utf8'), 'trashed');
  assert.equal(fs.readFileSync(at('k.txt'), 'utf8'), 'new one');

  fs.renameSync(at('k 2.txt'), at('k.txt.bak'));
  fs.renameSync(at('k.txt'), at('keep'));
  fs.writeFileSync(at('k.txt'), 'trashed again');
  const again = trashed();
  fs.renameSync(at('keep'), at('k.txt'));
  const replaced = restoreItems([again.id], 'replace');
  assert.equal(fs.readFileSync(at('k.txt'), 'utf8'), 'trashed again');
  assert.equal(replaced.replaced.length, 1);
  assert.equal(fs.readFileSync(replaced.replaced[0]!.id, 'utf8'), 'new one', 'what was replaced is in the trash');
});

test('only items of a trash folder are taken by id: a path elsewhere is refused and untouched', () => {
  tree(home, { 'safe/file.txt': 's' });
  assert.equal(errorCode(() => deleteTrashed([path.join(home, 'safe/file.txt')])), 'TRASH_ITEM_NOT_FOUND');
  assert.equal(errorCode(() => findTrashed(path.join(homeTrash, 'files', '..', '..', 'x'))), 'TRASH_ITEM_NOT_FOUND');
  assert.equal(fs.readFileSync(path.join(home, 'safe/file.txt'), 'utf8'), 's');
});

test('delete permanently removes an item and its info; empty removes everything from every trash folder', { skip: mountSkipReason() ?? false }, () => {
  const m = mountScratch('tmpfs');
  try {
    tree(home, { 'e/one.txt': '1', 'e/two/x': 'x' });
    tree(m.dir, { 'far.txt': 'f' });
    const [one] = trashItems([path.join(home, 'e/one.txt'), path.join(home, 'e/two')]).items;
    trashItems([path.join(m.dir, 'far.txt')]);
    assert.ok(listTrash().some((i) => i.originalPath === path.join(m.dir, 'far.txt')), 'the topdir trash is listed');
    assert.deepEqual(deleteTrashed([one!.id]), { deleted: 1 });
    assert.equal(fs.existsSync(one!.id), false);
    assert.equal(listTrash().some((i) => i.id === one!.id), false);
    // Only this test's trash folders: other test files may have file systems of their own mounted meanwhile.
    const dirs = allTrashDirs().filter((d) => d.topdir === null || d.topdir === m.dir);
    assert.equal(dirs.length, 2);
    const before = listTrash(dirs).length;
    assert.deepEqual(emptyTrash(dirs), { deleted: before });
    assert.deepEqual(listTrash(dirs), []);
    assert.deepEqual(fs.readdirSync(path.join(homeTrash, 'files')), []);
    assert.deepEqual(fs.readdirSync(path.join(m.dir, `.Trash-${process.getuid!()}`, 'files')), []);
  } finally {
    m.unmount();
  }
});
