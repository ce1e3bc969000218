import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary } from '../../src/main/engine/db/library';
import { HistoryStore, MAX_DONE } from '../../src/main/engine/history/history-store';
import type { HistoryItem } from '../../src/main/engine/history/history-item';
import { newLibrary } from '../helpers/library';

const item = (name: string): HistoryItem => ({
  before: `/d/${name}`, after: `/e/${name}`, snapshot: { kind: 'file', ino: '1', size: 1, mtimeNs: '1' },
});

test('the undo stack: newest done first; the redo stack: the oldest undone first', () => {
  const { db } = newLibrary();
  const store = new HistoryStore(db);
  const a = store.record('move', [item('a'), item('b'), item('c')]);
  const b = store.record('rename', [item('x')]);
  assert.equal(a.label, 'Move of 3 Items');
  assert.equal(b.label, 'Rename');
  assert.equal(store.next('undo')?.id, b.id);
  assert.equal(store.next('redo'), undefined);

  assert.ok(store.claim(b.id, 'done'));
  store.finish(b.id, 'undone', b.items);
  assert.ok(store.claim(a.id, 'done'));
  store.finish(a.id, 'undone', a.items);
  assert.equal(store.next('undo'), undefined);
  assert.equal(store.next('redo')?.id, a.id, 'redo takes back the operation undone last');
});

test('a new operation empties the redo stack', () => {
  const { db } = newLibrary();
  const store = new HistoryStore(db);
  const a = store.record('move', [item('a')]);
  assert.ok(store.claim(a.id, 'done'));
  store.finish(a.id, 'undone', a.items);
  assert.equal(store.next('redo')?.id, a.id);
  const b = store.record('copy', [item('b')]);
  assert.equal(store.next('redo'), undefined);
  assert.deepEqual(store.list().map((e) => e.id), [b.id]);
  assert.equal(store.get(a.id), undefined);
});

test('a claimed entry cannot be claimed again until it is released or finished', () => {
  const { db, dbFile } = newLibrary();
  const store = new HistoryStore(db);
  const a = store.record('rename', [item('a')]);
  assert.ok(store.claim(a.id, 'done'));
  assert.equal(store.claim(a.id, 'done'), false, 'this process is running it already');
  // Another live process (this test's parent, alive) sees it busy.
  const other = new HistoryStore(openLibrary(dbFile), process.ppid);
  assert.equal(other.claim(a.id, 'done'), false);
  store.release(a.id);
  assert.ok(other.claim(a.id, 'done'));
  assert.equal(store.claim(a.id, 'undone'), false, 'a claim names the state it expects');
});

test("a claim left by a process that died is taken over", () => {
  const { db } = newLibrary();
  const dead = 2 ** 22 + 12345; // above pid_max's default: no such process
  const gone = new HistoryStore(db, dead);
  const a = gone.record('rename', [item('a')]);
  assert.ok(gone.claim(a.id, 'done'));
  assert.ok(new HistoryStore(db).claim(a.id, 'done'));
});

test('the history is kept in the library file: a new connection (a restart) reads it back', () => {
  const { db, dbFile } = newLibrary();
  const store = new HistoryStore(db);
  const a = store.record('trash', [{ before: '/d/a', after: '/d/a', trashId: 'a.1' }]);
  const revision = store.revision();
  db.close();
  const again = new HistoryStore(openLibrary(dbFile));
  assert.deepEqual(again.next('undo'), a);
  assert.equal(again.revision(), revision);
  again.record('rename', [item('b')]);
  assert.ok(again.revision() > revision, 'every change moves the revision on');
});

test(`the undo stack keeps the newest ${MAX_DONE} operations`, () => {
  const { db } = newLibrary();
  const store = new HistoryStore(db);
  let last = 0;
  for (let i = 0; i < MAX_DONE + 3; i++) last = store.record('rename', [item(`f${i}`)]).id;
  const ids = store.list(MAX_DONE + 10).map((e) => e.id);
  assert.equal(ids.length, MAX_DONE);
  assert.equal(ids[0], last);
  assert.equal(ids.at(-1), last - MAX_DONE + 1);
});

test('a damaged row is dropped, never acted on: the entry below it is next', () => {
  const { db } = newLibrary();
  const store = new HistoryStore(db);
  const a = store.record('rename', [item('a')]);
  const b = store.record('rename', [item('b')]);
  db.prepare('UPDATE history SET items = ? WHERE id = ?').run('[{"before":1}]', b.id);
  assert.deepEqual(store.list().map((e) => e.id), [a.id]);
  assert.equal(store.next('undo')?.id, a.id);
  assert.equal(store.get(b.id), undefined);
});

test('an entry recorded again whole (a resumed job) takes the place of the one its earlier run recorded', () => {
  const { db } = newLibrary();
  const store = new HistoryStore(db);
  const other = store.record('rename', [item('x')]);
  const first = store.record('copy', [item('a')]);
  const whole = store.record('copy', [item('a'), item('b')], first.id);
  assert.deepEqual(store.list().map((e) => e.id), [whole.id, other.id], 'one entry for the job, the rest kept');
  assert.equal(store.next('undo')?.label, 'Copy of 2 Items');

  // Not while it is being undone in another window: that step ends as it began.
  assert.ok(store.claim(whole.id, 'done'));
  const again = store.record('copy', [item('c')], whole.id);
  assert.deepEqual(store.list().map((e) => e.id), [again.id, whole.id, other.id]);
});
