import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import type { FerryEvent } from '../../src/shared/events';
import { FerryError } from '../../src/shared/errors';
import { tempDir, tree } from '../helpers/tree';
import { homeOfItsOwn } from '../helpers/trash-env';

// The Trash of these tests is in a home of their own (never the real one).
const { home } = homeOfItsOwn();

function setup(): { engine: FerryEngine; dbFile: string } {
  const dbFile = path.join(tempDir(), 'library.db');
  return { engine: createFerryEngine({ dbFile, browsing: false }), dbFile };
}

/** A new engine on the same library file (the history is in it). */
function restarted(engine: FerryEngine, dbFile: string): FerryEngine {
  engine.close();
  return createFerryEngine({ dbFile, browsing: false });
}

/** Runs a copy through the facade to its end. */
async function copy(engine: FerryEngine, sources: string[], destination: string, overwrite: 'skip' | 'replace' = 'skip', replacedToTrash = false, operation: 'copy' | 'move' = 'copy'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onEvent = (e: FerryEvent) => { if (e.type === 'completed') setImmediate(resolve); };
    engine.startCopy({ sources, destination, overwrite, replacedToTrash, operation }, { onEvent }).catch(reject);
  });
}

/** What is in the Trash from under `dir` (the tests share one Trash), by original path. */
const trashed = async (engine: FerryEngine, dir: string) => (await engine.listTrash({})).filter((i) => i.originalPath.startsWith(`${dir}/`));
const trashedFrom = async (engine: FerryEngine, dir: string) => (await trashed(engine, dir)).map((i) => i.originalPath).sort();
const inFolder = (dir: string) => fs.readdirSync(dir).sort();

test('a copy is undone (the copies it created go to the Trash, a folder it merged into stays with what it had) and redone, across a restart', async () => {
  const made = setup();
  const dbFile = made.dbFile;
  let engine = made.engine;
  try {
    const src = tree(tempDir(), { 'music/a.mp3': 'aa', 'notes.txt': 'n' });
    const dest = tree(path.join(home, 'copy-dest'), { 'music/old.mp3': 'o' });
    await copy(engine, [path.join(src, 'music'), path.join(src, 'notes.txt')], dest);
    assert.deepEqual(inFolder(dest), ['music', 'notes.txt']);
    engine = restarted(engine, dbFile);

    await engine.undo({});
    assert.deepEqual(inFolder(dest), ['music'], 'the folder that was there before stays');
    assert.deepEqual(inFolder(path.join(dest, 'music')), ['old.mp3'], 'with what it had');
    // Only what the copy created went: notes.txt and music/a.mp3, not music/ (the copy merged into it).
    assert.deepEqual(await trashedFrom(engine, dest), [path.join(dest, 'music/a.mp3'), path.join(dest, 'notes.txt')]);
    assert.equal((await engine.history({})).redo?.kind, 'copy');

    engine = restarted(engine, dbFile);
    await engine.redo({});
    assert.equal(fs.readFileSync(path.join(dest, 'notes.txt'), 'utf8'), 'n', 'restored from the Trash');
    assert.equal(fs.readFileSync(path.join(dest, 'music/a.mp3'), 'utf8'), 'aa');
    assert.deepEqual(await trashedFrom(engine, dest), []);
  } finally {
    engine.close();
  }
});

test('New Folder is undone (the folder to the Trash) and redone, across a restart', async () => {
  const made = setup();
  const dbFile = made.dbFile;
  let engine = made.engine;
  try {
    const dir = path.join(home, 'new-folder');
    fs.mkdirSync(dir);
    const { path: created } = await engine.createFolder({ parent: dir });
    engine = restarted(engine, dbFile);
    const undone = await engine.undo({});
    assert.deepEqual(undone.entry.label, 'New Folder');
    assert.deepEqual(inFolder(dir), []);
    assert.deepEqual(await trashedFrom(engine, dir), [created]);
    engine = restarted(engine, dbFile);
    await engine.redo({});
    assert.ok(fs.statSync(created).isDirectory());
    assert.deepEqual(await trashedFrom(engine, dir), []);
  } finally {
    engine.close();
  }
});

test('Move to Trash is undone (the items restored, same inodes) and redone, across a restart', async () => {
  const made = setup();
  const dbFile = made.dbFile;
  let engine = made.engine;
  try {
    const dir = tree(path.join(home, 'to-trash'), { 'a.txt': 'a', 'sub/b.txt': 'b', 'stays.txt': 's' });
    const inodes = [fs.statSync(path.join(dir, 'a.txt')).ino, fs.statSync(path.join(dir, 'sub')).ino];
    const { failed } = await engine.trashItems({ paths: [path.join(dir, 'a.txt'), path.join(dir, 'sub')] });
    assert.deepEqual(failed, []);
    assert.equal((await engine.history({})).undo?.label, 'Move to Trash of 2 Items');
    engine = restarted(engine, dbFile);

    const undone = await engine.undo({});
    assert.deepEqual([...undone.paths].sort(), [path.join(dir, 'a.txt'), path.join(dir, 'sub')]);
    assert.deepEqual(inFolder(dir), ['a.txt', 'stays.txt', 'sub']);
    assert.deepEqual([fs.statSync(path.join(dir, 'a.txt')).ino, fs.statSync(path.join(dir, 'sub')).ino], inodes);
    assert.equal(fs.readFileSync(path.join(dir, 'sub/b.txt'), 'utf8'), 'b');
    assert.deepEqual(await trashedFrom(engine, dir), []);

    engine = restarted(engine, dbFile);
    await engine.redo({});
    assert.deepEqual(inFolder(dir), ['stays.txt']);
    assert.deepEqual(await trashedFrom(engine, dir), [path.join(dir, 'a.txt'), path.join(dir, 'sub')]);
    // And undone once more (the entry now holds the redo's Trash entries).
    await engine.undo({});
    assert.deepEqual(inFolder(dir), ['a.txt', 'stays.txt', 'sub']);
  } finally {
    engine.close();
  }
});

test('a Replace is undone: the copy goes to the Trash and the replaced file is back, byte-identical; redone, across a restart', async () => {
  const made = setup();
  const dbFile = made.dbFile;
  let engine = made.engine;
  try {
    const oldBytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const src = tree(tempDir(), { 'report.bin': 'the new report' });
    const dest = tree(path.join(home, 'replace-dest'), { 'sub/deep.txt': 'old deep' });
    fs.writeFileSync(path.join(dest, 'report.bin'), oldBytes);
    const oldIno = fs.statSync(path.join(dest, 'report.bin')).ino;
    await copy(engine, [path.join(src, 'report.bin')], dest, 'replace', true);
    assert.equal(fs.readFileSync(path.join(dest, 'report.bin'), 'utf8'), 'the new report');
    const state = await engine.history({});
    assert.equal(state.undo?.label, 'Copy of “report.bin”');
    engine = restarted(engine, dbFile);

    await engine.undo({});
    assert.deepEqual(fs.readFileSync(path.join(dest, 'report.bin')), oldBytes);
    assert.equal(fs.statSync(path.join(dest, 'report.bin')).ino, oldIno, 'the replaced file itself, not a copy of it');
    assert.deepEqual(await trashedFrom(engine, dest), [path.join(dest, 'report.bin')], 'the copy is in the Trash');
    assert.equal((await trashed(engine, dest))[0]!.size, 'the new report'.length);

    engine = restarted(engine, dbFile);
    await engine.redo({});
    assert.equal(fs.readFileSync(path.join(dest, 'report.bin'), 'utf8'), 'the new report');
    assert.deepEqual((await trashed(engine, dest)).map((t) => t.size), [oldBytes.length], 'the replaced file is in the Trash again');
    await engine.undo({});
    assert.deepEqual(fs.readFileSync(path.join(dest, 'report.bin')), oldBytes);
  } finally {
    engine.close();
  }
});

test('a replace inside a folder the copy merged into is undone too', async () => {
  const { engine } = setup();
  try {
    const src = tree(tempDir(), { 'music/a.mp3': 'new a', 'music/b.mp3': 'b' });
    const dest = tree(path.join(home, 'merge-dest'), { 'music/a.mp3': 'old a' });
    await copy(engine, [path.join(src, 'music')], dest, 'replace', true);
    assert.deepEqual(inFolder(path.join(dest, 'music')), ['a.mp3', 'b.mp3']);
    await engine.undo({});
    assert.deepEqual(inFolder(path.join(dest, 'music')), ['a.mp3'], 'b.mp3, created in the folder it merged into, went to the Trash');
    assert.equal(fs.readFileSync(path.join(dest, 'music/a.mp3'), 'utf8'), 'old a');
  } finally {
    engine.close();
  }
});

test('undoing Move to Trash is refused when the name is taken again, and nothing changes', async () => {
  const { engine } = setup();
  try {
    const dir = tree(path.join(home, 'refused'), { 'a.txt': 'a', 'b.txt': 'b' });
    await engine.trashItems({ paths: [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')] });
    fs.writeFileSync(path.join(dir, 'b.txt'), 'a new b');
    await assert.rejects(engine.undo({}), (err: FerryError) =>
      err.code === 'NAME_TAKEN' && /^Can't undo Move to Trash of 2 Items: the name “b\.txt” is taken/.test(err.message));
    assert.deepEqual(inFolder(dir), ['b.txt'], 'a.txt was not restored alone');
    assert.equal(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'), 'a new b');
    assert.equal((await trashed(engine, dir)).length, 2);
    assert.equal((await engine.history({})).undo?.label, 'Move to Trash of 2 Items', 'still on the undo stack');
  } finally {
    engine.close();
  }
});

test('a move that replaced a file is undone: the moved file goes back, the replaced one is restored; redone', async () => {
  const { engine } = setup();
  try {
    const src = tree(path.join(home, 'move-src'), { 'a.txt': 'moved a', 'b.txt': 'moved b' });
    const dest = tree(path.join(home, 'move-dest'), { 'a.txt': 'old a' });
    const inodes = { moved: fs.statSync(path.join(src, 'a.txt')).ino, old: fs.statSync(path.join(dest, 'a.txt')).ino };
    await copy(engine, [path.join(src, 'a.txt'), path.join(src, 'b.txt')], dest, 'replace', true, 'move');
    assert.deepEqual(inFolder(src), []);
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'moved a');
    assert.equal((await engine.history({})).undo?.label, 'Move of 2 Items');

    await engine.undo({});
    assert.deepEqual(inFolder(src), ['a.txt', 'b.txt']);
    assert.equal(fs.statSync(path.join(src, 'a.txt')).ino, inodes.moved);
    assert.deepEqual(inFolder(dest), ['a.txt']);
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'old a');
    assert.equal(fs.statSync(path.join(dest, 'a.txt')).ino, inodes.old);
    assert.deepEqual(await trashedFrom(engine, dest), []);

    await engine.redo({});
    assert.deepEqual(inFolder(src), []);
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'moved a');
    assert.deepEqual(await trashedFrom(engine, dest), [path.join(dest, 'a.txt')], 'the replaced file is in the Trash again');
  } finally {
    engine.close();
  }
});

test('an item trashed from the destination while a copy ran is not taken for one the copy replaced', async () => {
  const { engine } = setup();
  try {
    const src = tree(tempDir(), { 'a.txt': 'new a' });
    const dest = tree(path.join(home, 'meanwhile'), { 'a.txt': 'old a', 'mine.txt': 'the user trashes this' });
    await engine.trashItems({ paths: [path.join(dest, 'mine.txt')] });
    // Recorded now: the copy below starts in the same second as that Move to Trash.
    await copy(engine, [path.join(src, 'a.txt')], dest, 'replace', true);
    await engine.undo({});
    assert.deepEqual(inFolder(dest), ['a.txt'], 'mine.txt stays in the Trash');
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'old a');
    assert.deepEqual((await trashedFrom(engine, dest)).sort(), [path.join(dest, 'a.txt'), path.join(dest, 'mine.txt')]);
  } finally {
    engine.close();
  }
});
