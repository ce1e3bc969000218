import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { tempDir, tree } from '../../helpers/tree';
import type { DropModifiers } from '../../../src/renderer/lib/drop-operation';
import { storeOverEngine } from './store-over-engine';

const none: DropModifiers = { ctrlKey: false, altKey: false, shiftKey: false, metaKey: false };

test('hovering a folder on the same file system says "Move to"; Ctrl (Option on macOS) says "Copy to" at once', async () => {
  const { engine, store, until } = storeOverEngine();
  try {
    const root = tree(tempDir(), { 'src/a.txt': 'a', 'Backup/.keep': '' });
    const sources = [path.join(root, 'src', 'a.txt')];
    const backup = path.join(root, 'Backup');
    store.getState().hoverDrop(sources, backup, none, 'other');
    const hinted = await until((s) => s.dropHint !== null);
    assert.deepEqual(hinted.dropHint, { target: backup, operation: 'move', text: 'Move to “Backup”' });

    store.getState().hoverDrop(sources, backup, { ...none, ctrlKey: true }, 'other');
    assert.equal(store.getState().dropHint?.text, 'Copy to “Backup”', 'known without asking again');
    store.getState().hoverDrop(sources, backup, { ...none, altKey: true }, 'mac');
    assert.equal(store.getState().dropHint?.text, 'Copy to “Backup”');
    store.getState().hoverDrop(sources, backup, none, 'mac');
    assert.equal(store.getState().dropHint?.text, 'Move to “Backup”', 'the file systems, asked once, are remembered for the drag');

    assert.equal(await store.getState().decideDrop(sources, backup, none, 'other'), 'move');
    assert.equal(await store.getState().decideDrop(sources, backup, { ...none, ctrlKey: true }, 'other'), 'copy');
    store.getState().clearDropHint();
    assert.equal(store.getState().dropHint, null);
  } finally {
    await engine.shutdown();
  }
});

test('a folder on another file system says "Copy to"; Shift (Command on macOS) forces a move', async (t) => {
  const disk = tempDir('ferry-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk], { stdio: 'pipe' });
  } catch (err) {
    t.skip(`cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  const { engine, store, until } = storeOverEngine();
  try {
    const sources = [path.join(tree(tempDir(), { 'a.txt': 'a' }), 'a.txt')];
    store.getState().hoverDrop(sources, disk, none, 'other');
    const hinted = await until((s) => s.dropHint !== null);
    assert.equal(hinted.dropHint?.text, `Copy to “${path.basename(disk)}”`);
    assert.equal(await store.getState().decideDrop(sources, disk, none, 'other'), 'copy');
    assert.equal(await store.getState().decideDrop(sources, disk, { ...none, shiftKey: true }, 'other'), 'move');
    assert.equal(await store.getState().decideDrop(sources, disk, { ...none, metaKey: true }, 'mac'), 'move');
  } finally {
    await engine.shutdown();
    execFileSync('umount', ['-l', disk]);
  }
});

test('a late answer about a folder the drag already left is not shown', async () => {
  const { engine, store } = storeOverEngine();
  try {
    const root = tree(tempDir(), { 'a.txt': 'a', 'one/.keep': '', 'two/.keep': '' });
    const sources = [path.join(root, 'a.txt')];
    store.getState().hoverDrop(sources, path.join(root, 'one'), none, 'other');
    store.getState().clearDropHint();
    await store.getState().decideDrop(sources, path.join(root, 'one'), none, 'other');
    assert.equal(store.getState().dropHint, null);
  } finally {
    await engine.shutdown();
  }
});
