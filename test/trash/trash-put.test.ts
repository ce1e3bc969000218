import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { trashByLink, trashItems } from '../../src/main/engine/trash/trash-put';
import { formatDeletionDate } from '../../src/main/engine/trash/trash-info';
import { readDirectorySizes } from '../../src/main/engine/trash/directory-sizes';
import { tree } from '../helpers/tree';
import { bytePath, ODD_FILE, ODD_FILE_NAME } from '../helpers/odd-names';
import { homeOfItsOwn, mountScratch, mountSkipReason } from '../helpers/trash-env';

const { home, homeTrash } = homeOfItsOwn();
const info = (trash: string, name: string) => fs.readFileSync(path.join(trash, 'info', `${name}.trashinfo`), 'utf8');

test('trashing a file renames it into the home trash and writes its .trashinfo, byte for byte', () => {
  const at = new Date(2025, 4, 6, 7, 8, 9);
  tree(home, { 'put/a b%é.txt': 'hello' });
  const inode = fs.statSync(path.join(home, 'put/a b%é.txt')).ino;
  const { items, failed } = trashItems([path.join(home, 'put/a b%é.txt')], at);
  assert.deepEqual(failed, []);
  assert.equal(fs.existsSync(path.join(home, 'put/a b%é.txt')), false);
  const inTrash = path.join(homeTrash, 'files', 'a b%é.txt');
  assert.equal(fs.statSync(inTrash).ino, inode, 'a rename, not a copy');
  assert.equal(info(homeTrash, 'a b%é.txt'), `[Trash Info]\nPath=${home}/put/a%20b%25%C3%A9.txt\nDeletionDate=2025-05-06T07:08:09\n`);
  assert.equal(fs.statSync(path.join(homeTrash, 'info', 'a b%é.txt.trashinfo')).mode & 0o777, 0o600);
  assert.deepEqual(items, [{
    id: inTrash, name: 'a b%é.txt', originalPath: path.join(home, 'put/a b%é.txt'), deletedAt: at.getTime(),
    kind: 'file', size: 5, trashDir: homeTrash,
  }]);
});

test('a second item of the same name takes the next free name; the first keeps its own', () => {
  tree(home, { 'same/one/x.txt': '1', 'same/two/x.txt': '22', 'same/three/x.txt': '333' });
  const names = ['one', 'two', 'three'].map((d) => trashItems([path.join(home, 'same', d, 'x.txt')]).items[0]!.id);
  const base = names.map((id) => path.basename(id));
  assert.equal(new Set(base).size, 3);
  assert.ok(base.includes('x 2.txt') && base.includes('x 3.txt'), base.join());
  for (const [i, d] of ['one', 'two', 'three'].entries()) {
    assert.match(info(homeTrash, base[i]!), new RegExp(`Path=${home}/same/${d}/x.txt\n`));
  }
});

test('a name reserved by another program (its .trashinfo exists, O_EXCL) or a stray file in files/ is never reused', () => {
  tree(home, { 'res/r.txt': 'mine' });
  fs.writeFileSync(path.join(homeTrash, 'info', 'r.txt.trashinfo'), '[Trash Info]\nPath=/other\n');
  fs.writeFileSync(path.join(homeTrash, 'files', 'r 2.txt'), 'stray');
  const { items } = trashItems([path.join(home, 'res/r.txt')]);
  assert.equal(path.basename(items[0]!.id), 'r 3.txt');
  assert.equal(fs.readFileSync(path.join(homeTrash, 'info', 'r.txt.trashinfo'), 'utf8'), '[Trash Info]\nPath=/other\n');
  assert.equal(fs.existsSync(path.join(homeTrash, 'info', 'r 2.txt.trashinfo')), false, 'the stray got no info file');
});

test('a folder goes whole, and its size is kept in directorysizes', () => {
  tree(home, { 'fold/tree/a.txt': 'aaaa', 'fold/tree/sub/b.txt': 'bb' });
  const { items } = trashItems([path.join(home, 'fold/tree')]);
  assert.equal(items[0]!.kind, 'dir');
  assert.equal(items[0]!.size, 6);
  assert.equal(fs.readFileSync(path.join(homeTrash, 'files', 'tree', 'sub', 'b.txt'), 'utf8'), 'bb');
  const line = readDirectorySizes(homeTrash).find((e) => e.name === 'tree');
  const infoMtime = Math.floor(fs.statSync(path.join(homeTrash, 'info', 'tree.trashinfo')).mtimeMs / 1000);
  assert.deepEqual(line, { size: 6, mtime: infoMtime, name: 'tree' });
  assert.match(fs.readFileSync(path.join(homeTrash, 'directorysizes'), 'utf8'), new RegExp(`^6 ${infoMtime} tree$`, 'm'));
});

test('a symlink is trashed itself, never its target', () => {
  tree(home, { 'ln/target.txt': 't' });
  fs.symlinkSync('target.txt', path.join(home, 'ln/link'));
  const { items } = trashItems([path.join(home, 'ln/link')]);
  assert.equal(items[0]!.kind, 'symlink');
  assert.equal(fs.readlinkSync(path.join(homeTrash, 'files', 'link')), 'target.txt');
  assert.equal(fs.readFileSync(path.join(home, 'ln/target.txt'), 'utf8'), 't');
});

test('a name that is not UTF-8 is trashed and recorded by its bytes', () => {
  fs.mkdirSync(path.join(home, 'odd'));
  fs.writeFileSync(bytePath(home, 'odd', ODD_FILE), 'odd');
  const { items, failed } = trashItems([path.join(home, 'odd', ODD_FILE_NAME)]);
  assert.deepEqual(failed, []);
  assert.equal(items[0]!.name, ODD_FILE_NAME);
  assert.ok(fs.existsSync(bytePath(homeTrash, 'files', ODD_FILE)));
  const text = fs.readFileSync(bytePath(homeTrash, 'info', Buffer.concat([ODD_FILE, Buffer.from('.trashinfo')])), 'utf8');
  assert.match(text, new RegExp(`Path=${home}/odd/%FF%FE\\.txt\n`));
});

test('what cannot go is reported and left in place, the others go: missing, relative, the trash itself, inside the trash', () => {
  tree(home, { 'mix/ok.txt': 'ok' });
  const { items, failed } = trashItems([
    path.join(home, 'mix/missing'), 'relative.txt', path.join(home, '.local'), path.join(homeTrash, 'files', 'tree'), path.join(home, 'mix/ok.txt'),
  ]);
  assert.deepEqual(items.map((i) => i.name), ['ok.txt']);
  assert.deepEqual(failed.map((f) => f.code), ['SOURCE_NOT_FOUND', 'INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT']);
  assert.ok(fs.existsSync(path.join(homeTrash, 'files', 'tree')));
});

test('Replace\'s way: the old file is hard-linked into the trash, its name never free', () => {
  tree(home, { 'rep/doc.txt': 'old' });
  const target = path.join(home, 'rep/doc.txt');
  const item = trashByLink(target, new Date(2025, 0, 2, 3, 4, 5))!;
  assert.equal(fs.readFileSync(target, 'utf8'), 'old', 'still under its name until the new file takes it');
  assert.equal(fs.statSync(item.id).ino, fs.statSync(target).ino);
  assert.equal(info(homeTrash, path.basename(item.id)), `[Trash Info]\nPath=${target}\nDeletionDate=${formatDeletionDate(new Date(2025, 0, 2, 3, 4, 5))}\n`);
  fs.writeFileSync(`${target}.new`, 'new');
  fs.renameSync(`${target}.new`, target);
  assert.equal(fs.readFileSync(item.id, 'utf8'), 'old');
  tree(home, { 'rep/folder/x': 'x' });
  assert.equal(trashByLink(path.join(home, 'rep/folder')), null, 'a folder is not linked');
});

test('on a second file system the item goes to its $topdir/.Trash-$uid with a Path= relative to the top', { skip: mountSkipReason() ?? false }, () => {
  const m = mountScratch('tmpfs');
  try {
    tree(m.dir, { 'deep/er/f.txt': 'on tmpfs' });
    const inode = fs.statSync(path.join(m.dir, 'deep/er/f.txt')).ino;
    const at = new Date(2025, 6, 1, 12, 0, 0);
    const { items, failed } = trashItems([path.join(m.dir, 'deep/er/f.txt')], at);
    assert.deepEqual(failed, []);
    const trash = path.join(m.dir, `.Trash-${process.getuid!()}`);
    assert.equal(items[0]!.trashDir, trash);
    assert.equal(items[0]!.originalPath, path.join(m.dir, 'deep/er/f.txt'));
    assert.equal(fs.statSync(path.join(trash, 'files', 'f.txt')).ino, inode, 'renamed on its own file system');
    assert.equal(info(trash, 'f.txt'), '[Trash Info]\nPath=deep/er/f.txt\nDeletionDate=2025-07-01T12:00:00\n');
    assert.equal(fs.existsSync(path.join(homeTrash, 'files', 'f.txt')), false, 'never copied into the home trash');
    assert.equal(trashItems([m.dir]).failed[0]!.code, 'INVALID_INPUT', 'a mount point is refused');
  } finally {
    m.unmount();
  }
});

test('a read-only file system without a trash: TRASH_UNAVAILABLE, the item stays', { skip: mountSkipReason() ?? false }, () => {
  const m = mountScratch('tmpfs');
  try {
    tree(m.dir, { 'keep.txt': 'k' });
    fs.chmodSync(m.dir, 0o755);
    execFileSync('mount', ['-o', 'remount,ro', m.dir]);
    const { failed } = trashItems([path.join(m.dir, 'keep.txt')]);
    assert.equal(failed[0]!.code, 'TRASH_UNAVAILABLE');
    assert.equal(fs.readFileSync(path.join(m.dir, 'keep.txt'), 'utf8'), 'k');
  } finally {
    m.unmount();
  }
});
