import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FolderListings } from '../../src/main/engine/fs/list-folder';
import { ListingWorker } from '../../src/main/engine/fs/listing-worker';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { dispatchCall } from '../../src/shared/dispatch';
import { MAX_LISTING_PAGE, type ListedEntry } from '../../src/shared/types';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';
import { ODD_DEEP_NAME, ODD_DIR_NAME, ODD_FILE_NAME, oddTree } from '../helpers/odd-names';
import { bigFolder, listAll, mixedFolder } from './listings';
import { codeOf } from '../helpers/error-code';

test('a big folder comes as a first page, then pages in the same order as one complete listing', async () => {
  const dir = bigFolder(2_500, {
    'Dir 10': emptyDir(), 'dir 9': emptyDir(), 'a-dir': emptyDir(), '.hidden-dir': emptyDir(),
    'link to dir': symlink('a-dir'), 'A.txt': 'A', 'a.txt': 'a', '.dot': '',
  });
  const listings = new FolderListings();
  const whole = await listings.list(dir, MAX_LISTING_PAGE);
  assert.equal(whole.complete, true);
  assert.equal(whole.listingId, null, 'nothing is kept for a listing that fits one page');
  assert.equal(whole.entries.length, 2_508);

  const head = await listings.list(dir, 100);
  assert.equal(head.complete, false);
  assert.equal(typeof head.listingId, 'string');
  assert.equal(head.total, 2_508);
  assert.equal(head.nextOffset, 100);
  assert.equal(head.entries.length, 100);
  assert.deepEqual(head.entries.slice(0, 4).map((e) => e.name), ['.hidden-dir', 'a-dir', 'dir 9', 'Dir 10']);
  assert.deepEqual(head.entries.slice(4, 9).map((e) => e.name), ['.dot', 'A.txt', 'a.txt', 'f0.txt', 'f1.txt']);

  const paged = await listAll(listings, dir, { first: 100, pageSize: 700 });
  assert.deepEqual(paged.pages, [100, 700, 700, 700, 308]);
  assert.deepEqual(paged.entries, whole.entries, 'same entries, same order, same stats');
  const names = paged.entries.map((e) => e.name);
  assert.ok(names.indexOf('f2.txt') < names.indexOf('f10.txt'));
  assert.ok(names.indexOf('f999.txt') < names.indexOf('f1000.txt'));
  assert.equal(names.at(-1), 'link to dir');
  const link = paged.entries.find((e) => e.name === 'link to dir')!;
  assert.equal(link.kind, 'symlink', 'a symlink to a folder is sorted and shown as a symlink');
  assert.equal(paged.entries.find((e) => e.name === 'f6.txt')!.size, 6);
});

test('entries deleted after the first page disappear from later pages; the offsets still advance', async () => {
  const dir = bigFolder(50);
  const listings = new FolderListings();
  const head = await listings.list(dir, 10);
  const onPage2 = ['f10.txt', 'f11.txt', 'f19.txt'];
  for (const name of [...onPage2, 'f49.txt']) fs.unlinkSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, 'f0-new.txt'), 'late');

  const page2 = await listings.page(head.listingId!, head.nextOffset, 10);
  assert.equal(page2.nextOffset, 20);
  assert.equal(page2.complete, false);
  assert.deepEqual(page2.entries.map((e) => e.name), ['f12.txt', 'f13.txt', 'f14.txt', 'f15.txt', 'f16.txt', 'f17.txt', 'f18.txt']);
  const rest = await listings.page(head.listingId!, 20, 1_000);
  assert.equal(rest.complete, true);
  assert.equal(rest.nextOffset, 50);
  assert.equal(rest.entries.length, 29);
  assert.equal(rest.entries.at(-1)!.name, 'f48.txt');
  assert.ok(!rest.entries.some((e) => e.name === 'f0-new.txt'), 'a listing is the folder as it was read');
  // A page past the end is empty and complete (a client that asks again gets no duplicates).
  assert.deepEqual(await listings.page(head.listingId!, 50, 10), { entries: [], nextOffset: 50, complete: true });
});

test('an unknown listing id, or one evicted by newer listings, is LISTING_EXPIRED', async () => {
  const dirs = [bigFolder(5), bigFolder(5), bigFolder(5)];
  const listings = new FolderListings({ maxListings: 2 });
  assert.equal(await codeOf(listings.page('no-such-listing', 0, 10)), 'LISTING_EXPIRED');
  const [a, b] = [await listings.list(dirs[0]!, 2), await listings.list(dirs[1]!, 2)];
  await listings.page(a.listingId!, 2, 1); // a is now the most recently used
  const c = await listings.list(dirs[2]!, 2);
  assert.equal(listings.size, 2);
  assert.equal(await codeOf(listings.page(b.listingId!, 2, 10)), 'LISTING_EXPIRED', 'the least recently used one went');
  assert.deepEqual((await listings.page(a.listingId!, 3, 10)).entries.map((e) => e.name), ['f3.txt', 'f4.txt']);
  assert.equal((await listings.page(c.listingId!, 2, 10)).complete, true);
  listings.close();
  assert.equal(await codeOf(listings.page(a.listingId!, 2, 10)), 'LISTING_EXPIRED');
});

test('a listing unused for longer than idleMs is dropped', async () => {
  let now = 1_000_000;
  const listings = new FolderListings({ idleMs: 60_000, now: () => now });
  const dir = bigFolder(20);
  const head = await listings.list(dir, 5);
  now += 59_000;
  assert.equal((await listings.page(head.listingId!, 5, 5)).nextOffset, 10, 'used within the idle time: kept');
  now += 60_001;
  assert.equal(await codeOf(listings.page(head.listingId!, 10, 5)), 'LISTING_EXPIRED');
  assert.equal(listings.size, 0);
});

test('a page asked for just before its listing is dropped answers LISTING_EXPIRED', async () => {
  const listings = new FolderListings({ maxListings: 1 });
  const head = await listings.list(bigFolder(6_000), 10);
  const pending = listings.page(head.listingId!, 10, 10); // accepted, now waiting for the names' sort
  listings.close();
  assert.equal(await codeOf(pending), 'LISTING_EXPIRED');
});

test('bad page requests are INVALID_INPUT replies at the API boundary, and change nothing', async () => {
  const base = tempDir();
  const engine = createFerryEngine({ dbFile: path.join(base, 'library.db') });
  try {
    const dir = bigFolder(30);
    const first = await dispatchCall(engine, 'listFolder', { path: dir, limit: 10 });
    assert.equal(first.ok, true);
    const head = first.ok ? (first.output as { listingId: string; nextOffset: number }) : null;
    const bad: unknown[] = [
      { listingId: head!.listingId, offset: -1, limit: 10 },
      { listingId: head!.listingId, offset: 1.5, limit: 10 },
      { listingId: head!.listingId, offset: 10, limit: 0 },
      { listingId: head!.listingId, offset: 10, limit: MAX_LISTING_PAGE + 1 },
      { listingId: '', offset: 10, limit: 10 },
      { offset: 10, limit: 10 },
      { listingId: 42, offset: 10, limit: 10 },
    ];
    for (const input of bad) {
      const reply = await dispatchCall(engine, 'listFolderPage', input);
      assert.equal(!reply.ok && reply.error.code, 'INVALID_INPUT', JSON.stringify(input));
    }
    for (const input of [{ path: dir, limit: 0 }, { path: dir, limit: 'all' }, { path: dir, limit: MAX_LISTING_PAGE + 1 }]) {
      const reply = await dispatchCall(engine, 'listFolder', input);
      assert.equal(!reply.ok && reply.error.code, 'INVALID_INPUT', JSON.stringify(input));
    }
    const expired = await dispatchCall(engine, 'listFolderPage', { listingId: 'gone', offset: 0, limit: 10 });
    assert.equal(!expired.ok && expired.error.code, 'LISTING_EXPIRED');
    // The good listing is untouched by the bad calls: its rest is still there, in order.
    const rest = await dispatchCall(engine, 'listFolderPage', { listingId: head!.listingId, offset: head!.nextOffset, limit: 100 });
    assert.ok(rest.ok);
    const page = rest.output as { entries: { name: string }[]; complete: boolean };
    assert.equal(page.complete, true);
    assert.equal(page.entries.length, 20);
    assert.equal(page.entries[0]!.name, 'f10.txt');
  } finally {
    engine.close();
  }
});

test('a folder unchanged since it was read is not read again; its stats are; a change to its names is seen', async () => {
  const dir = bigFolder(50);
  const quiet = new Date(Date.now() - 60_000);
  fs.utimesSync(dir, quiet, quiet);
  const listings = new FolderListings();
  const first = await listings.list(dir, 10);
  const again = await listings.list(dir, 10);
  assert.equal(again.listingId, first.listingId, 'the kept names serve again');
  assert.deepEqual(again.entries, first.entries);

  // Proof that the names were not read again: a name slipped in while the folder's mtime is put back.
  fs.writeFileSync(path.join(dir, 'f0 sneaked in.txt'), '');
  fs.utimesSync(dir, quiet, quiet);
  fs.writeFileSync(path.join(dir, 'f1.txt'), 'grown');
  const reused = await listings.list(dir, 10);
  assert.equal(reused.listingId, first.listingId);
  assert.ok(!reused.entries.some((e) => e.name === 'f0 sneaked in.txt'));
  assert.equal(reused.entries.find((e) => e.name === 'f1.txt')!.size, 5, 'sizes and dates are read afresh');

  fs.writeFileSync(path.join(dir, 'f0 added.txt'), ''); // a real change: the folder's mtime moves
  const fresh = await listings.list(dir, 10);
  assert.notEqual(fresh.listingId, first.listingId);
  assert.equal(fresh.total, 52);
  assert.ok(fresh.entries.some((e) => e.name === 'f0 added.txt'));
});

test('a folder read right after it changed is read again next time, even if unchanged since', async () => {
  const dir = bigFolder(30);
  const mtime = fs.statSync(dir).mtimeMs;
  // The clock says the read happens 200 ms after the folder's last change: too soon to trust its mtime.
  const listings = new FolderListings({ now: () => mtime + 200 });
  const first = await listings.list(dir, 10);
  const again = await listings.list(dir, 10);
  assert.notEqual(again.listingId, first.listingId);
  assert.deepEqual(again.entries, first.entries);
});

test('listing an unchanged folder again while its names are still being sorted gives the same first page', async () => {
  const dir = bigFolder(6_000);
  const quiet = new Date(Date.now() - 60_000);
  fs.utimesSync(dir, quiet, quiet);
  const listings = new FolderListings();
  const first = await listings.list(dir, 50);
  const again = await listings.list(dir, 50); // the sort of 6,000 names has most likely not finished yet
  assert.equal(again.listingId, first.listingId);
  assert.deepEqual(again.entries, first.entries);
  const all = await listAll(listings, dir, { first: 50, pageSize: 2_000 });
  assert.deepEqual(all.entries.slice(0, 50), first.entries);
  assert.deepEqual(all.entries.map((e) => e.name), Array.from({ length: 6_000 }, (_, i) => `f${i}.txt`));
});

test('a folder without subfolders (link count 2) is read by names alone; kinds still come from lstat', async () => {
  const dir = tree(tempDir(), { 'b.txt': 'b', 'a 10.txt': 'a10', 'a 2.txt': 'a2', '.hidden': 'h', link: symlink('b.txt') });
  assert.equal(fs.statSync(dir).nlink, 2, 'this test needs a file system that counts subfolders in links');
  const listings = new FolderListings();
  try {
    const first = await listings.list(dir, 2);
    assert.equal(first.complete, false);
    const all = await listAll(listings, dir, { first: 2, pageSize: 2 });
    assert.deepEqual(all.entries.map((e) => [e.name, e.kind, e.hidden]), [
      ['.hidden', 'file', true], ['a 2.txt', 'file', false], ['a 10.txt', 'file', false], ['b.txt', 'file', false], ['link', 'symlink', false],
    ]);
    // With a subfolder the link count grows: folders come first again.
    fs.mkdirSync(path.join(dir, 'z-folder'));
    const again = await listAll(listings, dir, { first: 2, pageSize: 2 });
    assert.deepEqual(again.entries.map((e) => e.name).slice(0, 2), ['z-folder', '.hidden']);
  } finally {
    listings.close();
  }
});

test('a mixed folder paged through equals its listing in one reply; a missing folder is ENOENT', async () => {
  const dir = mixedFolder();
  const listings = new FolderListings();
  const paged = await listAll(listings, dir, { first: 100, pageSize: 700 });
  const whole = await listings.list(dir, MAX_LISTING_PAGE);
  assert.equal(paged.entries.length, 2_510);
  assert.deepEqual(paged.entries, whole.entries);
  assert.equal(await codeOf(listings.list(path.join(dir, 'no such folder'))), 'ENOENT');
});

test('names that are not UTF-8 are listed exactly (whole, paged, on the listing thread), and a folder so named can be opened', async () => {
  const dir = tempDir();
  oddTree(dir);
  fs.writeFileSync(path.join(dir, '\ufffd\ufffd.txt'), 'a real replacement character');
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `f${i}.txt`), '');
  const expected = [
    [ODD_DIR_NAME, 'dir', 0], ['sub', 'dir', 0], [ODD_FILE_NAME, 'file', Buffer.byteLength('odd at the top')],
    ['\ufffd\ufffd.txt', 'file', Buffer.byteLength('a real replacement character')],
  ];
  const pick = (entries: ListedEntry[]) => entries.filter((e) => !/^(f\d+|[ac])\.txt$/.test(e.name)).map((e) => [e.name, e.kind, e.size]);
  const sortedPick = (entries: ListedEntry[]) => pick(entries).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  const byName = [...expected].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  const worker = new ListingWorker();
  try {
    for (const listings of [new FolderListings(), worker]) {
      const whole = await listings.list(dir, MAX_LISTING_PAGE);
      assert.equal(whole.total, 36);
      assert.deepEqual(sortedPick(whole.entries), byName);
      const paged = await listAll(listings, dir, { first: 3, pageSize: 5 });
      assert.deepEqual(paged.entries, whole.entries, 'paged in the same order, the same names');
      // The UI opens a folder by its path: the listed name joined to the folder's.
      const inside = await listings.list(path.join(whole.path, ODD_DIR_NAME));
      assert.deepEqual(inside.entries.map((e) => [e.name, e.kind, e.size]), [[ODD_DEEP_NAME, 'file', Buffer.byteLength('odd in an odd folder')]]);
    }
  } finally {
    worker.close();
  }
});
