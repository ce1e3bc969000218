import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusalFor, type Observed, type Step } from '../../src/main/engine/history/disk-match';
import type { Snapshot } from '../../src/main/engine/history/history-item';

const file: Snapshot = { kind: 'file', ino: '11', size: 5, mtimeNs: '1700000000000000000' };
const folder: Snapshot = { kind: 'dir', ino: '12', size: 0, mtimeNs: '1700000000000000000' };

const renameBack = (snapshot: Snapshot, to = '/d/a.txt'): Step => ({
  method: 'rename', from: { place: 'disk', path: '/d/b.txt', snapshot }, to: { place: 'disk', path: to },
});
const toTrash = (snapshot: Snapshot): Step => ({
  method: 'trash', from: { place: 'disk', path: '/d/copied', snapshot }, to: { place: 'trash', path: '/d/copied' },
});
const restore: Step = {
  method: 'trash', from: { place: 'trash', path: '/d/a.txt', trashId: 'a.txt' }, to: { place: 'disk', path: '/d/a.txt' },
};
const moveBack: Step = {
  method: 'move', from: { place: 'disk', path: '/dest/pics', snapshot: folder }, to: { place: 'disk', path: '/src/pics' },
};

const free: Pick<Observed, 'target' | 'targetParent'> = { target: null, targetParent: 'dir' };

const table: { name: string; step: Step; seen: Observed; code: string | null; says?: RegExp }[] = [
  { name: 'a renamed file as it was, its old name free', step: renameBack(file), seen: { source: file, ...free }, code: null },
  { name: 'the renamed file is gone', step: renameBack(file), seen: { source: null, ...free }, code: 'ITEM_GONE', says: /“b\.txt” is no longer in “d”/ },
  { name: 'another file took its name (other inode)', step: renameBack(file), seen: { source: { ...file, ino: '99' }, ...free }, code: 'ITEM_CHANGED', says: /another item now/ },
  { name: 'a folder took its name', step: renameBack(file), seen: { source: { ...folder, ino: '11' }, ...free }, code: 'ITEM_CHANGED' },
  { name: 'the file was written since (size)', step: renameBack(file), seen: { source: { ...file, size: 6 }, ...free }, code: 'ITEM_CHANGED', says: /was changed since/ },
  { name: 'the file was touched since (mtime)', step: renameBack(file), seen: { source: { ...file, mtimeNs: '1700000000000000001' }, ...free }, code: 'ITEM_CHANGED' },
  { name: 'the old name is taken', step: renameBack(file), seen: { source: file, target: { ...file, ino: '50' }, targetParent: 'dir' }, code: 'NAME_TAKEN', says: /the name “a\.txt” is taken in “d”/ },
  { name: 'a case-only rename back finds the item itself', step: renameBack(file, '/d/B.txt'), seen: { source: file, target: file, targetParent: 'dir' }, code: null },
  { name: 'the same inode under another name is not itself', step: renameBack(file, '/d/c.txt'), seen: { source: file, target: file, targetParent: 'dir' }, code: 'NAME_TAKEN' },
  { name: 'a folder moved back carries what was put in it since', step: moveBack, seen: { source: { ...folder, mtimeNs: '1800000000000000000' }, ...free }, code: null },
  // A move removed the source folders it emptied: moving back makes them again (history-executor.ts).
  { name: 'the folder it moves back into is gone (made again)', step: moveBack, seen: { source: folder, target: null, targetParent: 'missing' }, code: null },
  { name: 'the folder it goes back into is a file now', step: moveBack, seen: { source: folder, target: null, targetParent: 'notDir' }, code: 'ITEM_CHANGED', says: /“src” is no longer a folder/ },
  { name: 'the folder a rename goes back into is gone', step: renameBack(file), seen: { source: file, target: null, targetParent: 'missing' }, code: 'ITEM_GONE', says: /the folder “d” is no longer there/ },
  { name: 'a restore through a file on its path (no folder can be made there)', step: restore, seen: { source: { inTrash: true }, target: null, targetParent: 'notDir' }, code: 'ITEM_CHANGED' },
  { name: 'a copied folder unchanged goes to the Trash', step: toTrash(folder), seen: { source: folder }, code: null },
  { name: 'a copied folder with something added since is not trashed', step: toTrash(folder), seen: { source: { ...folder, mtimeNs: '1800000000000000000' } }, code: 'ITEM_CHANGED' },
  { name: 'a copied file changed since is not trashed', step: toTrash(file), seen: { source: { ...file, size: 1 } }, code: 'ITEM_CHANGED' },
  { name: 'a trashed item still in the Trash, its name free', step: restore, seen: { source: { inTrash: true }, target: null, targetParent: 'missing' }, code: null },
  { name: 'a trashed item emptied from the Trash', step: restore, seen: { source: { inTrash: false }, ...free }, code: 'ITEM_GONE', says: /no longer in the Trash/ },
  { name: 'a trashed item whose name was taken since', step: restore, seen: { source: { inTrash: true }, target: file, targetParent: 'dir' }, code: 'NAME_TAKEN' },
  { name: 'an item recorded without its snapshot is not acted on', step: renameBack(undefined as unknown as Snapshot), seen: { source: file, ...free }, code: 'ITEM_CHANGED' },
];

for (const row of table) {
  test(`disk match: ${row.name}`, () => {
    const refusal = refusalFor(row.step, row.seen);
    assert.equal(refusal?.code ?? null, row.code);
    if (row.says) assert.match(refusal!.message, row.says);
  });
}
