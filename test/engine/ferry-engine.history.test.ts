import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import { openLibrary } from '../../src/main/engine/db/library';
import { HistoryStore } from '../../src/main/engine/history/history-store';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { FerryError } from '../../src/shared/errors';
import { rowsOf } from '../helpers/library';
import { folderOn, secondFileSystem } from '../helpers/second-fs';
import { snapshot, tempDir, tree } from '../helpers/tree';

function setup(): { engine: FerryEngine; dbFile: string } {
  const dbFile = path.join(tempDir(), 'library.db');
  return { engine: createFerryEngine({ dbFile, browsing: false }), dbFile };
}

/** Runs a copy through the facade to its end, answering conflicts with `keep-both`. */
async function copy(engine: FerryEngine, sources: string[], destination: string, overwrite: 'skip' | 'keep-both' = 'skip'): Promise<EventOf<'completed'>> {
  return new Promise((resolve, reject) => {
    const onEvent = (e: FerryEvent) => { if (e.type === 'completed') setImmediate(() => resolve(e)); };
    engine.startCopy({ sources, destination, overwrite }, { onEvent }).catch(reject);
  });
}

test('a copy records the items it created, not a folder it merged into (what it created in it instead)', async () => {
  const { engine, dbFile } = setup();
  try {
    const src = tree(tempDir(), { 'music/a.mp3': 'aa', 'notes.txt': 'n', 'pics/p.png': 'p' });
    const dest = tree(tempDir(), { 'music/old.mp3': 'o' });
    const end = await copy(engine, ['music', 'notes.txt', 'pics'].map((n) => path.join(src, n)), dest);
    assert.equal(end.status, 'done');
    const state = await engine.history({});
    assert.equal(state.undo?.kind, 'copy');
    assert.equal(state.undo?.label, 'Copy of 3 Items');
    assert.deepEqual([...state.undo!.paths].sort(), [path.join(dest, 'music/a.mp3'), path.join(dest, 'notes.txt'), path.join(dest, 'pics')]);
    // Kept in the library, with what the disk looked like after the copy.
    const entry = new HistoryStore(openLibrary(dbFile)).next('undo')!;
    const notes = entry.items.find((i) => i.after === path.join(dest, 'notes.txt'))!;
    assert.equal(notes.snapshot?.ino, String(fs.statSync(path.join(dest, 'notes.txt'), { bigint: true }).ino));
    assert.equal(notes.snapshot?.size, 1);
  } finally {
    engine.close();
  }
});

test('a copy kept beside a taken name records the name it took ("notes 2.txt")', async () => {
  const { engine } = setup();
  try {
    const src = tree(tempDir(), { 'notes.txt': 'new' });
    const dest = tree(tempDir(), { 'notes.txt': 'old' });
    await copy(engine, [path.join(src, 'notes.txt')], dest, 'keep-both');
    assert.deepEqual(fs.readdirSync(dest).sort(), ['notes 2.txt', 'notes.txt']);
    const state = await engine.history({});
    assert.equal(state.undo?.label, 'Copy of “notes 2.txt”');
    assert.deepEqual(state.undo?.paths, [path.join(dest, 'notes 2.txt')]);
  } finally {
    engine.close();
  }
});

test('a copy that created nothing (every file skipped) records nothing', async () => {
  const { engine } = setup();
  try {
    const src = tree(tempDir(), { 'notes.txt': 'n' });
    const dest = tree(tempDir(), { 'notes.txt': 'n' });
    await copy(engine, [path.join(src, 'notes.txt')], dest);
    assert.equal((await engine.history({})).undo, null);
  } finally {
    engine.close();
  }
});

/** Runs a move through the facade to its end. */
async function move(engine: FerryEngine, sources: string[], destination: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onEvent = (e: FerryEvent) => { if (e.type === 'completed') setImmediate(resolve); };
    engine.startCopy({ sources, destination, overwrite: 'skip', operation: 'move' }, { onEvent }).catch(reject);
  });
}

const inode = (p: string) => fs.lstatSync(p).ino;

test('a move on one file system is undone (moved back, the same inodes) and redone', async () => {
  const { engine, dbFile } = setup();
  try {
    const src = tree(tempDir(), { 'pics/p.png': 'p', 'notes.txt': 'n', 'stays.txt': 's' });
    const dest = tempDir();
    const before = { pics: inode(path.join(src, 'pics')), notes: inode(path.join(src, 'notes.txt')) };
    await move(engine, [path.join(src, 'pics'), path.join(src, 'notes.txt')], dest);
    assert.deepEqual(fs.readdirSync(dest).sort(), ['notes.txt', 'pics']);
    assert.equal((await engine.history({})).undo?.label, 'Move of 2 Items');

    const undone = await engine.undo({});
    assert.deepEqual([...undone.paths].sort(), [path.join(src, 'notes.txt'), path.join(src, 'pics')]);
    assert.deepEqual(fs.readdirSync(src).sort(), ['notes.txt', 'pics', 'stays.txt']);
    assert.deepEqual(fs.readdirSync(dest), []);
    assert.equal(inode(path.join(src, 'pics')), before.pics);
    assert.equal(inode(path.join(src, 'notes.txt')), before.notes);
    const state = await engine.history({});
    assert.equal(state.undo, null, 'moving back is not itself an operation to undo');
    assert.equal(state.redo?.label, 'Move of 2 Items');

    await engine.redo({});
    assert.deepEqual(fs.readdirSync(dest).sort(), ['notes.txt', 'pics']);
    assert.equal(fs.readFileSync(path.join(dest, 'pics', 'p.png'), 'utf8'), 'p');
    engine.close();
    // Across a restart: a new engine on the same library undoes it again.
    const again = createFerryEngine({ dbFile, browsing: false });
    try {
      await again.undo({});
      assert.deepEqual(fs.readdirSync(src).sort(), ['notes.txt', 'pics', 'stays.txt']);
    } finally {
      again.close();
    }
  } finally {
    engine.close();
  }
});

test('a move back is refused when its old place is taken, and nothing moves', async () => {
  const { engine } = setup();
  try {
    const src = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b' });
    const dest = tempDir();
    await move(engine, [path.join(src, 'a.txt'), path.join(src, 'b.txt')], dest);
    fs.writeFileSync(path.join(src, 'b.txt'), 'a new b');
    await assert.rejects(engine.undo({}), (err: FerryError) =>
      err.code === 'NAME_TAKEN' && err.message === `Can't undo Move of 2 Items: the name “b.txt” is taken in “${path.basename(src)}”`);
    assert.deepEqual(fs.readdirSync(dest).sort(), ['a.txt', 'b.txt'], 'a.txt was not moved back alone');
    assert.deepEqual(fs.readdirSync(src), ['b.txt']);
  } finally {
    engine.close();
  }
});

const second = secondFileSystem(64);
test('a move across file systems is moved back across them', { skip: second.skip }, async () => {
  const { engine } = setup();
  try {
    const src = tree(tempDir(), { 'album/one.mp3': 'one', 'album/deep/two.mp3': 'two' });
    const dest = folderOn(second.dir!, 'dest');
    await move(engine, [path.join(src, 'album')], dest);
    assert.deepEqual(fs.readdirSync(src), []);
    await engine.undo({});
    assert.deepEqual(snapshot(src), { album: { kind: 'dir' }, 'album/deep': { kind: 'dir' }, 'album/deep/two.mp3': { kind: 'file', content: Buffer.from('two').toString('base64') }, 'album/one.mp3': { kind: 'file', content: Buffer.from('one').toString('base64') } });
    assert.deepEqual(fs.readdirSync(dest), []);
  } finally {
    engine.close();
  }
});

test('a rename through the facade records itself; undo renames it back (the index follows), redo again', async () => {
  const { engine, dbFile } = setup();
  try {
    const dir = tree(tempDir(), { 'docs/a.txt': 'a' });
    const location = await engine.addLocation({ path: dir });
    const { path: renamed } = await engine.renameItem({ path: path.join(dir, 'docs'), newName: 'papers' });
    assert.equal(renamed, path.join(dir, 'papers'));
    const state = await engine.history({});
    assert.equal(state.undo?.label, 'Rename');
    assert.deepEqual(state.undo?.paths, [renamed]);

    await engine.undo({});
    assert.deepEqual(fs.readdirSync(dir), ['docs']);
    const rows = rowsOf(openLibrary(dbFile), location.id).map((r) => `${r.relative_path}/${r.name}`);
    assert.deepEqual(rows, ['/docs', 'docs/a.txt'], 'the index is back at the old name');
    await engine.redo({});
    assert.deepEqual(fs.readdirSync(dir), ['papers']);
    assert.equal(fs.readFileSync(path.join(dir, 'papers', 'a.txt'), 'utf8'), 'a');
  } finally {
    engine.close();
  }
});

test('New Folder through the facade records itself ("New Folder"); a rename of it is the next undo', async () => {
  const { engine } = setup();
  try {
    const dir = tempDir();
    const { path: created } = await engine.createFolder({ parent: dir });
    assert.equal(created, path.join(dir, 'New Folder'));
    assert.equal((await engine.history({})).undo?.label, 'New Folder');
    await engine.renameItem({ path: created, newName: 'Taxes' });
    const state = await engine.history({});
    assert.deepEqual(state.entries.map((e) => e.label), ['Rename', 'New Folder']);
    await engine.undo({});
    assert.deepEqual(fs.readdirSync(dir), ['New Folder']);
  } finally {
    engine.close();
  }
});
