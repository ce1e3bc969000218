import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FolderWatchers, WindowWatches, type FolderChange } from '../../src/main/engine/fs/folder-watchers';
import { MAX_NAMED_CHANGES } from '../../src/main/engine/fs/folder-changes';
import { decodeName } from '../../src/main/engine/fs/byte-names';
import { FerryError } from '../../src/shared/errors';
import { tempDir, tree } from '../helpers/tree';

/** Collects a subscription's changes; `until` waits (without a clock of its own: the test runner's timeout bounds it). */
function collector() {
  const changes: FolderChange[] = [];
  let wake: (() => void) | null = null;
  return {
    changes,
    listener: (change: FolderChange) => { changes.push(change); wake?.(); },
    async until(seen: (all: FolderChange[]) => boolean): Promise<void> {
      while (!seen(changes)) await new Promise<void>((resolve) => { wake = resolve; });
    },
  };
}

/** The state the changes describe, applied in order to the names known before. */
function applied(changes: readonly FolderChange[], before: Record<string, number> = {}): Record<string, number> {
  const names = { ...before };
  for (const c of changes) {
    for (const e of c.entries) names[e.name] = e.size;
    for (const n of c.removed) delete names[n];
  }
  return names;
}

test('a file created, changed, renamed and deleted outside Ferry arrives as changes of its folder', async () => {
  const dir = tree(tempDir(), { 'old.txt': 'old' });
  const watchers = new FolderWatchers();
  const seen = collector();
  const stop = watchers.subscribe(dir, seen.listener);
  try {
    fs.writeFileSync(path.join(dir, 'new.txt'), 'hello');
    await seen.until((all) => applied(all)['new.txt'] === 5);
    const created = seen.changes.flatMap((c) => c.entries).find((e) => e.name === 'new.txt')!;
    assert.equal(created.kind, 'file');
    assert.equal(seen.changes[0]!.path, dir);

    fs.appendFileSync(path.join(dir, 'new.txt'), ' world');
    await seen.until((all) => applied(all)['new.txt'] === 11);

    const oldIno = fs.lstatSync(path.join(dir, 'old.txt')).ino;
    fs.renameSync(path.join(dir, 'old.txt'), path.join(dir, 'renamed.txt'));
    await seen.until((all) => 'renamed.txt' in applied(all, { 'old.txt': 3 }) && !('old.txt' in applied(all, { 'old.txt': 3 })));
    // The renamed entry carries the inode the old name had: what lets a window pair the two (live-folder.ts).
    const renamed = seen.changes.flatMap((c) => c.entries).find((e) => e.name === 'renamed.txt')!;
    assert.equal(renamed.ino, oldIno);
    assert.ok(seen.changes.some((c) => c.removed.includes('old.txt') && c.entries.includes(renamed)), 'both names in one change');

    fs.mkdirSync(path.join(dir, 'sub'));
    fs.rmSync(path.join(dir, 'new.txt'));
    await seen.until((all) => !('new.txt' in applied(all)) && 'sub' in applied(all));
    assert.equal(seen.changes.flatMap((c) => c.entries).find((e) => e.name === 'sub')!.kind, 'dir');
    assert.ok(seen.changes.every((c) => !c.reread), 'a few files are named, not re-read');
  } finally {
    stop();
    watchers.close();
  }
});

test('a change below a subfolder is not a change of the folder (one level, as a listing shows)', async () => {
  const dir = tree(tempDir(), { 'sub/deep.txt': 'd' });
  const watchers = new FolderWatchers();
  const seen = collector();
  const stop = watchers.subscribe(dir, seen.listener);
  try {
    fs.writeFileSync(path.join(dir, 'sub', 'deeper.txt'), 'x');
    fs.writeFileSync(path.join(dir, 'marker.txt'), 'm');
    await seen.until((all) => 'marker.txt' in applied(all));
    assert.deepEqual(Object.keys(applied(seen.changes)).filter((n) => n !== 'sub'), ['marker.txt']);
  } finally {
    stop();
    watchers.close();
  }
});

test('a name that is not UTF-8 arrives exactly (its bytes escaped), so its row is found', async (t) => {
  const dir = tempDir();
  const bytes = Buffer.concat([Buffer.from('caf'), Buffer.of(0xe9), Buffer.from('.txt')]);
  try {
    fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from('probe'), Buffer.of(0xff)]), 'p');
  } catch {
    t.skip('this file system refuses names that are not UTF-8');
    return;
  }
  const watchers = new FolderWatchers();
  const seen = collector();
  const stop = watchers.subscribe(dir, seen.listener);
  try {
    fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), bytes]), 'x');
    await seen.until((all) => decodeName(bytes) in applied(all));
  } finally {
    stop();
    watchers.close();
  }
});

test('windows on one folder share one watch, which stops when the last leaves', async () => {
  const dir = tempDir();
  const other = tempDir();
  const watchers = new FolderWatchers();
  const windows = new WindowWatches(watchers);
  const a = collector();
  const b = collector();
  try {
    const idA = windows.watch('window-a', dir, a.listener);
    windows.watch('window-b', dir, b.listener);
    assert.equal(watchers.size, 1);
    fs.writeFileSync(path.join(dir, 'both.txt'), 'x');
    await a.until((all) => 'both.txt' in applied(all));
    await b.until((all) => 'both.txt' in applied(all));
    assert.equal((a.changes[0] as FolderChange & { watchId: string }).watchId, idA);

    // Window B goes elsewhere: its watch of `dir` ends, A's goes on.
    windows.watch('window-b', other, b.listener);
    assert.equal(watchers.size, 2);
    fs.writeFileSync(path.join(dir, 'only-a.txt'), 'x');
    fs.writeFileSync(path.join(other, 'only-b.txt'), 'x');
    await a.until((all) => 'only-a.txt' in applied(all));
    await b.until((all) => 'only-b.txt' in applied(all));
    assert.ok(!('only-a.txt' in applied(b.changes)), 'B no longer hears the folder it left');

    windows.release('window-a');
    assert.equal(watchers.size, 1, 'the last window on dir left: its watch stopped');
    windows.release('window-b');
    windows.release('window-b');
    assert.equal(watchers.size, 0);
    assert.equal(windows.windows, 0);
  } finally {
    windows.close();
  }
});

test('a folder that cannot be watched says why', () => {
  const watchers = new FolderWatchers();
  assert.throws(() => watchers.subscribe(path.join(tempDir(), 'missing'), () => {}), (err) => err instanceof FerryError && err.code === 'ENOENT' && Boolean(err.path?.endsWith('/missing')));
  assert.throws(() => watchers.subscribe('relative/path', () => {}), (err) => err instanceof FerryError && err.code === 'INVALID_INPUT');
  assert.equal(watchers.size, 0);
});

test('20,000 files written into a watched folder arrive as a few "read again" messages, not a flood', async () => {
  const dir = tempDir();
  const watchers = new FolderWatchers();
  const seen = collector();
  const stop = watchers.subscribe(dir, seen.listener);
  try {
    const count = 20_000;
    // Written as a copy does, in bursts with the event loop free between them (its workers write off-thread).
    for (let i = 0; i < count; i++) {
      fs.writeFileSync(path.join(dir, `file-${i}.bin`), 'x');
      if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    }
    fs.writeFileSync(path.join(dir, 'last.txt'), 'end');
    const sentWhileWriting = seen.changes.length;
    // What was pending when the writes ended goes out next: as "read again", or naming the last file.
    await seen.until((all) => all.slice(sentWhileWriting).some((c) => c.reread || c.entries.some((e) => e.name === 'last.txt')));
    const named = seen.changes.reduce((n, c) => n + c.entries.length + c.removed.length, 0);
    assert.ok(seen.changes.some((c) => c.reread), 'bulk changes are sent as "read again"');
    assert.ok(seen.changes.length <= 30, `${seen.changes.length} messages for ${count} files`);
    assert.ok(named <= 30 * MAX_NAMED_CHANGES, `${named} entries sent`);
  } finally {
    stop();
    watchers.close();
  }
});

