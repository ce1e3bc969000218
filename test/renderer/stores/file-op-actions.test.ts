import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFileOpActions, deleteQuestion } from '../../../src/renderer/stores/file-op-actions';
import { createActions } from '../../../src/renderer/stores/actions';
import type { FolderEntry } from '../../../src/shared/types';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

function setup() {
  const env = storeOverEngine();
  const fileOps = createFileOpActions(env.store, env.api, { refresh: () => env.actions.refresh() });
  return { ...env, fileOps };
}

const names = (paths: Iterable<string>) => [...paths].map((p) => path.basename(p)).sort();

test('rename: F2 on the selected item opens the field; Enter renames on disk and keeps the item selected', async () => {
  const { engine, store, actions, fileOps } = setup();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b' });
    await actions.navigate(dir);
    store.getState().click(store.getState().visiblePaths, 0, 'replace');
    fileOps.renameSelection();
    assert.deepEqual(store.getState().renaming, { path: path.join(dir, 'a.txt'), error: null });
    await fileOps.commitRename('c.txt');
    assert.equal(store.getState().renaming, null);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['b.txt', 'c.txt']);
    assert.deepEqual(names(store.getState().visiblePaths), ['b.txt', 'c.txt']);
    assert.deepEqual([...store.getState().selected], [path.join(dir, 'c.txt')]);
  } finally {
    await engine.shutdown();
  }
});

test('rename: a refusal keeps the field open with why, and changes nothing; Esc cancels', async () => {
  const { engine, store, actions, fileOps } = setup();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b' });
    await actions.navigate(dir);
    store.getState().beginRename(path.join(dir, 'a.txt'));
    await fileOps.commitRename('');
    assert.deepEqual(store.getState().renaming, { path: path.join(dir, 'a.txt'), error: 'A name cannot be empty.' });
    await fileOps.commitRename('b.txt');
    assert.match(store.getState().renaming?.error ?? '', /“b\.txt” already exists in this folder/);
    await fileOps.commitRename('x/y');
    assert.match(store.getState().renaming?.error ?? '', /cannot contain “\/”/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.txt']);
    fileOps.cancelRename();
    assert.equal(store.getState().renaming, null);
    store.getState().beginRename(path.join(dir, 'a.txt'));
    await fileOps.commitRename('a.txt');
    assert.equal(store.getState().renaming, null, 'the same name closes the field, changing nothing');
  } finally {
    await engine.shutdown();
  }
});

test('New Folder: "New Folder", then "New Folder 2", each selected, focused and in rename', async () => {
  const { engine, store, actions, fileOps } = setup();
  try {
    const dir = tree(tempDir(), { 'z.txt': 'z' });
    await actions.navigate(dir);
    await fileOps.newFolder();
    await fileOps.newFolder();
    const made = path.join(dir, 'New Folder 2');
    assert.ok(fs.statSync(path.join(dir, 'New Folder')).isDirectory());
    assert.deepEqual(store.getState().renaming, { path: made, error: null });
    assert.deepEqual([...store.getState().selected], [made]);
    assert.equal(store.getState().visiblePaths[store.getState().focus!], made);
    await fileOps.commitRename('Projects');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['New Folder', 'Projects', 'z.txt']);
  } finally {
    await engine.shutdown();
  }
});

test('Delete Permanently: asks naming what goes, then deletes as a job; the list follows', async () => {
  const { engine, store, actions, fileOps, connect, until } = setup();
  try {
    connect();
    const dir = tree(tempDir(), { 'a.txt': 'a', 'b/c.txt': 'c', 'd.txt': 'd', 'keep.txt': 'k' });
    await actions.navigate(dir);
    const order = store.getState().visiblePaths;
    store.getState().click(order, 0, 'replace');
    store.getState().click(order, 2, 'range');
    fileOps.askDeleteSelection();
    assert.deepEqual(names(store.getState().deleting!.paths), ['a.txt', 'b', 'd.txt']);
    assert.equal(deleteQuestion(store.getState().deleting!.paths), 'Delete “b” and 2 other items permanently?');
    await fileOps.confirmDelete();
    assert.equal(store.getState().deleting, null);
    await until((s) => names(s.visiblePaths).join() === 'keep.txt');
    assert.deepEqual(fs.readdirSync(dir), ['keep.txt']);
  } finally {
    await engine.shutdown();
  }
});

test('the confirmation names one, two, or the first and how many others', () => {
  assert.equal(deleteQuestion(['/x/a.txt']), 'Delete “a.txt” permanently?');
  assert.equal(deleteQuestion(['/x/a.txt', '/x/b']), 'Delete “a.txt” and “b” permanently?');
  assert.equal(deleteQuestion(['/x/a.txt', '/x/b', '/x/c']), 'Delete “a.txt” and 2 other items permanently?');
});

test('Open: a file goes to the host\'s opener, a folder is navigated into', async () => {
  const { engine, store, api } = setup();
  try {
    const dir = tree(tempDir(), { 'notes.txt': 'n', 'sub/x': 'x' });
    const opened: string[] = [];
    const fileOps = createFileOpActions(store, api, { refresh: async () => undefined, openFile: async (e) => { opened.push(e.path); } });
    const actions = createActions(store, api, { openFile: (e) => void fileOps.open(e) });
    await actions.navigate(dir);
    const entry = (name: string) => store.getState().visible.find((e) => e.name === name) as FolderEntry;
    actions.openEntry(entry('notes.txt'));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(opened, [path.join(dir, 'notes.txt')]);
    actions.openEntry(entry('sub'));
    await new Promise<void>((resolve) => { const off = store.subscribe((s) => { if (s.path === path.join(dir, 'sub') && !s.loading) { off(); resolve(); } }); });
    assert.deepEqual(opened, [path.join(dir, 'notes.txt')]);
  } finally {
    await engine.shutdown();
  }
});

test('Delete Permanently: what could not be deleted is said when the job ends', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to mount a tmpfs (a mount point cannot be removed)');
  const { engine, store, actions, fileOps, until } = setup();
  const dir = tree(tempDir(), { 'busy/x': '', 'a.txt': 'a' });
  const busy = path.join(dir, 'busy');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', busy]);
  try {
    await actions.navigate(dir);
    store.getState().askDelete([busy, path.join(dir, 'a.txt')]);
    await fileOps.confirmDelete();
    const shown = await until((s) => s.notices.length > 0);
    assert.deepEqual(shown.notices.map((n) => [n.text, n.tone]), [['1 item could not be deleted: see the jobs list', 'error']]);
    assert.deepEqual(fs.readdirSync(dir), ['busy']);
  } finally {
    execFileSync('umount', [busy]);
    await engine.shutdown();
  }
});
