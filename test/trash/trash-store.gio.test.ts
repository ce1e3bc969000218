import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { trashItems } from '../../src/main/engine/trash/trash-put';
import { deleteTrashed, listTrash, restoreItems } from '../../src/main/engine/trash/trash-store';
import { tree } from '../helpers/tree';
import { gio, gioList, gioSkipReason, homeOfItsOwn, mountScratch, mountSkipReason } from '../helpers/trash-env';

/**
 * Interoperability with GNOME's implementation, both ways: what Ferry trashes, `gio trash --list` lists and
 * `gio trash --restore` restores; what `gio trash` put there, Ferry lists and restores. The home trash and a
 * `$topdir` trash on a second file system (an ext2 image: GIO will not trash on tmpfs, a "system internal" mount).
 */
const skip = gioSkipReason() ?? mountSkipReason() ?? false;
const { home } = homeOfItsOwn();
const ODD = 'a b%é #1.txt';
/**
 * `gio trash --restore` of glib 2.74 (Debian 12) writes a name outside ASCII back with its bytes spelled
 * `\xc3\xa9` (it restores to the escaped form of the path it lists, GIO's own bug, whoever trashed the item),
 * so what gio restores here has an odd name in ASCII; the names outside ASCII are checked through its list.
 */
/** Only this file's items: the trash tests of other files may mount their own file systems meanwhile. */
const under = (...roots: string[]) => (p: string) => roots.some((r) => p.startsWith(`${r}/`));
const ferryList = (...roots: string[]) => listTrash().filter((i) => under(...roots)(i.originalPath));
const gioListOf = (...roots: string[]) => gioList().filter(([, o]) => under(...roots)(o));

const ODD_ASCII = 'a b%#1 (x)&.txt';

test('what Ferry trashes, gio lists and restores (home trash, and a topdir trash on another file system)', { skip }, () => {
  const m = mountScratch('ext2');
  try {
    tree(home, { [`f2g/${ODD}`]: 'odd', [`f2g/${ODD_ASCII}`]: 'home file', 'f2g/folder/in.txt': 'in' });
    tree(m.dir, { 'sub/far.txt': 'far file' });
    const { failed, items } = trashItems([path.join(home, 'f2g', ODD), path.join(home, 'f2g', ODD_ASCII), path.join(home, 'f2g/folder'), path.join(m.dir, 'sub/far.txt')]);
    assert.deepEqual(failed, []);
    const listed = gioListOf(path.join(home, 'f2g'), m.dir);
    assert.deepEqual(listed.map(([, original]) => original).sort(),
      [path.join(home, 'f2g', ODD), path.join(home, 'f2g', ODD_ASCII), path.join(home, 'f2g/folder'), path.join(m.dir, 'sub/far.txt')].sort());
    restoreItems([items[0]!.id], 'ask');
    for (const [uri, original] of listed) {
      if (original.endsWith(ODD)) continue;
      const r = gio(['trash', '--restore', uri]);
      assert.equal(r.status, 0, r.stderr.split('\n').filter((l) => !l.startsWith('dbus-daemon')).join('\n'));
    }
    assert.equal(fs.readFileSync(path.join(home, 'f2g', ODD_ASCII), 'utf8'), 'home file');
    assert.equal(fs.readFileSync(path.join(home, 'f2g/folder/in.txt'), 'utf8'), 'in');
    assert.equal(fs.readFileSync(path.join(m.dir, 'sub/far.txt'), 'utf8'), 'far file');
    assert.deepEqual(gioListOf(path.join(home, 'f2g'), m.dir), []);
    assert.deepEqual(ferryList(path.join(home, 'f2g'), m.dir), []);
  } finally {
    m.unmount();
  }
});

test('what gio trashes, Ferry lists and restores (home trash, and a topdir trash on another file system)', { skip }, () => {
  const m = mountScratch('ext2');
  try {
    tree(home, { [`g2f/${ODD}`]: 'from gio', 'g2f/dir/x.txt': 'x' });
    tree(m.dir, { 'deep/er/g.txt': 'gio far' });
    const r = gio(['trash', path.join(home, 'g2f', ODD), path.join(home, 'g2f/dir'), path.join(m.dir, 'deep/er/g.txt')]);
    assert.equal(r.status, 0, r.stderr);
    const items = ferryList(path.join(home, 'g2f'), m.dir);
    assert.deepEqual(items.map((i) => i.originalPath).sort(), [path.join(home, 'g2f', ODD), path.join(home, 'g2f/dir'), path.join(m.dir, 'deep/er/g.txt')].sort());
    assert.ok(items.every((i) => i.deletedAt !== null && Math.abs(i.deletedAt - Date.now()) < 10 * 60_000), 'dates read as local time');
    // gio does not recreate a missing parent for a topdir item's restore either way; Ferry does.
    fs.rmSync(path.join(m.dir, 'deep'), { recursive: true });
    const restored = restoreItems(items.map((i) => i.id), 'ask');
    assert.equal(restored.restored.length, 3);
    assert.equal(fs.readFileSync(path.join(home, 'g2f', ODD), 'utf8'), 'from gio');
    assert.equal(fs.readFileSync(path.join(home, 'g2f/dir/x.txt'), 'utf8'), 'x');
    assert.equal(fs.readFileSync(path.join(m.dir, 'deep/er/g.txt'), 'utf8'), 'gio far');
    assert.deepEqual(gioListOf(path.join(home, 'g2f'), m.dir), [], 'gio sees the trash empty again: the info files went too');
  } finally {
    m.unmount();
  }
});

test('collisions agree: items of one name trashed by Ferry and by gio are all listed by both, each with its own place', { skip }, () => {
  tree(home, { 'col/a/same.txt': 'ferry a', 'col/b/same.txt': 'gio b', 'col/c/same.txt': 'ferry c' });
  trashItems([path.join(home, 'col/a/same.txt')]);
  assert.equal(gio(['trash', path.join(home, 'col/b/same.txt')]).status, 0);
  trashItems([path.join(home, 'col/c/same.txt')]);
  const originals = ['a', 'b', 'c'].map((d) => path.join(home, 'col', d, 'same.txt'));
  const col = path.join(home, 'col');
  assert.deepEqual(gioListOf(col).map(([, o]) => o), originals);
  const items = ferryList(col);
  assert.deepEqual(items.map((i) => i.originalPath).sort(), originals);
  assert.equal(new Set(items.map((i) => i.id)).size, 3);
  deleteTrashed(items.map((i) => i.id));
  assert.deepEqual(gioListOf(col), []);
});
