import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import { openLibrary } from '../../src/main/engine/db/library';
import { HistoryStore } from '../../src/main/engine/history/history-store';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { tempDir, tree } from '../helpers/tree';

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

test('a copy records the top-level items it created, not a folder it merged into', async () => {
  const { engine, dbFile } = setup();
  try {
    const src = tree(tempDir(), { 'music/a.mp3': 'aa', 'notes.txt': 'n', 'pics/p.png': 'p' });
    const dest = tree(tempDir(), { 'music/old.mp3': 'o' });
    const end = await copy(engine, ['music', 'notes.txt', 'pics'].map((n) => path.join(src, n)), dest);
    assert.equal(end.status, 'done');
    const state = await engine.history({});
    assert.equal(state.undo?.kind, 'copy');
    assert.equal(state.undo?.label, 'Copy of 2 Items');
    assert.deepEqual([...state.undo!.paths].sort(), [path.join(dest, 'notes.txt'), path.join(dest, 'pics')]);
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
