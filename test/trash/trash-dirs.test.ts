import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { homeTrashPath, isValidSharedTrash, parseMountPoints, trashDirFor } from '../../src/main/engine/trash/trash-dirs';
import { homeOfItsOwn, mountScratch, mountSkipReason } from '../helpers/trash-env';

const stats = (dir: boolean, link: boolean, mode: number) => ({ isDirectory: () => dir, isSymbolicLink: () => link, mode });

test('an administrator\'s $topdir/.Trash is used only when it is a real folder with the sticky bit', () => {
  assert.equal(isValidSharedTrash(stats(true, false, 0o41777)), true);
  assert.equal(isValidSharedTrash(stats(true, false, 0o40777)), false, 'no sticky bit');
  assert.equal(isValidSharedTrash(stats(false, true, 0o121777)), false, 'a symlink');
  assert.equal(isValidSharedTrash(stats(false, false, 0o101777)), false, 'a file');
  assert.equal(isValidSharedTrash(null), false);
});

test('the home trash is $XDG_DATA_HOME/Trash, else ~/.local/share/Trash (a relative XDG_DATA_HOME is ignored)', () => {
  assert.equal(homeTrashPath({ XDG_DATA_HOME: '/x/data', HOME: '/h' }), '/x/data/Trash');
  assert.equal(homeTrashPath({ HOME: '/h' }), '/h/.local/share/Trash');
  assert.equal(homeTrashPath({ XDG_DATA_HOME: 'rel', HOME: '/h' }), '/h/.local/share/Trash');
});

test('mount points are read from mountinfo with the kernel\'s octal escapes undone', () => {
  const text = '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n'
    + '40 22 0:35 / /media/my\\040disk rw - vfat /dev/sdb1 rw\n';
  assert.deepEqual(parseMountPoints(text), ['/', '/media/my disk']);
});

test('an item on the home trash\'s file system goes to the home trash, made 0700', () => {
  const { home, homeTrash } = homeOfItsOwn();
  fs.mkdirSync(path.join(home, 'docs'));
  const dir = trashDirFor(path.join(home, 'docs'), fs.statSync(home).dev);
  assert.deepEqual(dir, { path: homeTrash, topdir: null });
  for (const sub of ['', 'files', 'info']) assert.equal(fs.statSync(path.join(homeTrash, sub)).mode & 0o777, 0o700, sub);
});

test('on another file system: .Trash/$uid when .Trash is sticky, else .Trash-$uid (a .Trash without the sticky bit or a link is not used)', { skip: mountSkipReason() ?? false }, () => {
  homeOfItsOwn();
  const m = mountScratch('tmpfs');
  try {
    fs.mkdirSync(path.join(m.dir, 'sub'));
    const dev = fs.statSync(m.dir).dev;
    const uid = process.getuid!();
    // A .Trash without the sticky bit: ignored.
    fs.mkdirSync(path.join(m.dir, '.Trash'), { mode: 0o777 });
    fs.chmodSync(path.join(m.dir, '.Trash'), 0o777);
    assert.deepEqual(trashDirFor(path.join(m.dir, 'sub'), dev), { path: path.join(m.dir, `.Trash-${uid}`), topdir: m.dir });
    assert.equal(fs.statSync(path.join(m.dir, `.Trash-${uid}`)).mode & 0o777, 0o700);
    assert.equal(fs.existsSync(path.join(m.dir, '.Trash', String(uid))), false);
    // Sticky: used, and $uid made in it.
    fs.chmodSync(path.join(m.dir, '.Trash'), 0o1777);
    assert.deepEqual(trashDirFor(path.join(m.dir, 'sub'), dev), { path: path.join(m.dir, '.Trash', String(uid)), topdir: m.dir });
    assert.ok(fs.statSync(path.join(m.dir, '.Trash', String(uid), 'files')).isDirectory());
    // A symlink named .Trash (to a sticky folder): not used.
    fs.rmSync(path.join(m.dir, '.Trash'), { recursive: true });
    fs.mkdirSync(path.join(m.dir, 'elsewhere'), { mode: 0o1777 });
    fs.chmodSync(path.join(m.dir, 'elsewhere'), 0o1777);
    fs.symlinkSync('elsewhere', path.join(m.dir, '.Trash'));
    assert.deepEqual(trashDirFor(path.join(m.dir, 'sub'), dev), { path: path.join(m.dir, `.Trash-${uid}`), topdir: m.dir });
  } finally {
    m.unmount();
  }
});
