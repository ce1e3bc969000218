import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import type { FerryEvent } from '../../src/shared/events';
import { FerryError } from '../../src/shared/errors';
import { snapshot, tempDir, tree } from '../helpers/tree';
import { homeOfItsOwn } from '../helpers/trash-env';

/**
 * Undo of a copy or a move that merged into folders that were there (issue 13): what the job put below them
 * goes (a copy's to the Trash, a move's back to its source), what was there stays.
 */
const { home } = homeOfItsOwn();

function setup(): { engine: FerryEngine; dbFile: string } {
  const dbFile = path.join(tempDir(), 'library.db');
  return { engine: createFerryEngine({ dbFile, browsing: false }), dbFile };
}

type Options = { overwrite?: 'skip' | 'replace'; replacedToTrash?: boolean; operation?: 'copy' | 'move' };
/** Runs a copy or a move through the facade to its end. */
async function transfer(engine: FerryEngine, sources: string[], destination: string, o: Options = {}): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onEvent = (e: FerryEvent) => { if (e.type === 'completed') setImmediate(resolve); };
    engine.startCopy({ sources, destination, overwrite: o.overwrite ?? 'skip', replacedToTrash: o.replacedToTrash === true, operation: o.operation ?? 'copy' }, { onEvent }).catch(reject);
  });
}

const trashedFrom = async (engine: FerryEngine, dir: string) =>
  (await engine.listTrash({})).filter((i) => i.originalPath.startsWith(`${dir}/`)).map((i) => i.originalPath).sort();
const inode = (p: string) => fs.lstatSync(p).ino;
const text = (p: string) => fs.readFileSync(p, 'utf8');

/** DEST/A with old.txt and keep/k; a copy of A brings new.txt, newsub/x and keep/y. */
async function mergedCopy(engine: FerryEngine, where: string) {
  const src = tree(tempDir(), { 'A/old.txt': 'not copied: skip', 'A/new.txt': 'new', 'A/newsub/x': 'x', 'A/keep/y': 'y' });
  const dest = tree(path.join(home, where), { 'A/old.txt': 'old bytes', 'A/keep/k': 'k' });
  const before = snapshot(dest);
  await transfer(engine, [path.join(src, 'A')], dest);
  assert.deepEqual(fs.readdirSync(path.join(dest, 'A')).sort(), ['keep', 'new.txt', 'newsub', 'old.txt']);
  return { src, dest, before, after: snapshot(dest) };
}

test('a copy merged into a folder is undone: what it created there goes to the Trash (a folder it made as one item), what was there stays; redone', async () => {
  const { engine } = setup();
  try {
    const { dest, before, after } = await mergedCopy(engine, 'merge-copy');
    const state = await engine.history({});
    assert.equal(state.undo?.label, 'Copy of 3 Items');
    assert.deepEqual([...state.undo!.paths].sort(), ['A/keep/y', 'A/new.txt', 'A/newsub'].map((p) => path.join(dest, p)));

    await engine.undo({});
    assert.deepEqual(snapshot(dest), before, 'old.txt, keep/ and keep/k as they were, nothing else');
    assert.deepEqual(await trashedFrom(engine, dest), ['A/keep/y', 'A/new.txt', 'A/newsub'].map((p) => path.join(dest, p)));

    await engine.redo({});
    assert.deepEqual(snapshot(dest), after);
    assert.deepEqual(await trashedFrom(engine, dest), []);
  } finally {
    engine.close();
  }
});

test('the undo of a merged copy is refused when something was added to a folder it made, and nothing changes', async () => {
  const { engine } = setup();
  try {
    const { dest } = await mergedCopy(engine, 'merge-copy-added');
    fs.writeFileSync(path.join(dest, 'A/newsub/mine.txt'), 'the user added this');
    const added = snapshot(dest);
    await assert.rejects(engine.undo({}), (err: FerryError) =>
      err.code === 'ITEM_CHANGED' && /^Can't undo Copy of 3 Items: “newsub” was changed since/.test(err.message));
    assert.deepEqual(snapshot(dest), added);
    assert.deepEqual(await trashedFrom(engine, dest), []);
    assert.equal((await engine.history({})).undo?.label, 'Copy of 3 Items', 'still on the undo stack');
  } finally {
    engine.close();
  }
});

for (const subThere of [true, false]) {
  test(`a move merged into a folder (its sub folder ${subThere ? 'there' : 'not there'}) is undone: each file back at its source, the same inode, the source folders made again; redone`, async () => {
    const { engine } = setup();
    try {
      const src = tree(path.join(home, `merge-move-src-${subThere}`), { 'A/x': 'x', 'A/sub/y': 'y' });
      const dest = tree(path.join(home, `merge-move-dest-${subThere}`), { 'A/old.txt': 'old', ...(subThere ? { 'A/sub/k': 'k' } : {}) });
      const inodes = { x: inode(path.join(src, 'A/x')), y: inode(path.join(src, 'A/sub/y')) };
      const destBefore = snapshot(dest);
      await transfer(engine, [path.join(src, 'A')], dest, { operation: 'move' });
      assert.deepEqual(fs.readdirSync(src), [], 'the move removed the source folders it emptied');
      const moved = snapshot(dest);
      // The folder it made goes back whole; into one that was there, the file does.
      assert.equal((await engine.history({})).undo?.label, 'Move of 2 Items');

      await engine.undo({});
      const file = (content: string) => ({ kind: 'file', content: Buffer.from(content).toString('base64') });
      assert.deepEqual(snapshot(src), { A: { kind: 'dir' }, 'A/sub': { kind: 'dir' }, 'A/sub/y': file('y'), 'A/x': file('x') });
      assert.deepEqual({ x: inode(path.join(src, 'A/x')), y: inode(path.join(src, 'A/sub/y')) }, inodes);
      assert.deepEqual(snapshot(dest), destBefore, 'DEST/A keeps only what it had');

      await engine.redo({});
      assert.deepEqual(snapshot(dest), moved);
      assert.equal(inode(path.join(dest, 'A/sub/y')), inodes.y);
    } finally {
      engine.close();
    }
  });
}

test('a move that replaced a file deep in a folder it merged into is undone: the replaced file back, byte-identical, the moved one at its source', async () => {
  const { engine } = setup();
  try {
    const oldBytes = Buffer.from([0, 1, 2, 255, 254, 10]);
    const src = tree(path.join(home, 'deep-replace-src'), { 'A/sub/z': 'the new z', 'A/w': 'w' });
    const dest = tree(path.join(home, 'deep-replace-dest'), { 'A/sub/z': oldBytes });
    const inodes = { moved: inode(path.join(src, 'A/sub/z')), old: inode(path.join(dest, 'A/sub/z')) };
    await transfer(engine, [path.join(src, 'A')], dest, { operation: 'move', overwrite: 'replace', replacedToTrash: true });
    assert.equal(text(path.join(dest, 'A/sub/z')), 'the new z');
    assert.deepEqual(await trashedFrom(engine, dest), [path.join(dest, 'A/sub/z')]);

    await engine.undo({});
    assert.deepEqual(fs.readFileSync(path.join(dest, 'A/sub/z')), oldBytes);
    assert.equal(inode(path.join(dest, 'A/sub/z')), inodes.old, 'the replaced file itself, from the Trash');
    assert.equal(text(path.join(src, 'A/sub/z')), 'the new z');
    assert.equal(inode(path.join(src, 'A/sub/z')), inodes.moved);
    assert.equal(text(path.join(src, 'A/w')), 'w');
    assert.deepEqual(fs.readdirSync(path.join(dest, 'A')), ['sub']);
    assert.deepEqual(await trashedFrom(engine, dest), []);

    await engine.redo({});
    assert.equal(text(path.join(dest, 'A/sub/z')), 'the new z');
    assert.deepEqual(await trashedFrom(engine, dest), [path.join(dest, 'A/sub/z')], 'the replaced file is in the Trash again');
  } finally {
    engine.close();
  }
});

test('a folder a move made whose source folder stayed (something in it was not moved) goes back file by file', async () => {
  const { engine } = setup();
  try {
    const src = tree(path.join(home, 'stays-src'), { 'A/n/f': 'f', 'A/n/deep/g': 'g' });
    execFileSync('mkfifo', [path.join(src, 'A/n/pipe')]); // a special file: skipped, it stays
    const dest = tree(path.join(home, 'stays-dest'), { 'A/old.txt': 'old' });
    await transfer(engine, [path.join(src, 'A')], dest, { operation: 'move' });
    assert.deepEqual(fs.readdirSync(path.join(src, 'A/n')), ['pipe']);
    const entry = (await engine.history({})).undo!;
    assert.deepEqual([...entry.paths].sort(), [path.join(dest, 'A/n/deep'), path.join(dest, 'A/n/f')]);

    await engine.undo({});
    assert.deepEqual(fs.readdirSync(path.join(src, 'A/n')).sort(), ['deep', 'f', 'pipe']);
    assert.equal(text(path.join(src, 'A/n/deep/g')), 'g');
    assert.deepEqual(fs.readdirSync(path.join(dest, 'A/n')), [], 'the folder the move made stays, empty');
  } finally {
    engine.close();
  }
});
