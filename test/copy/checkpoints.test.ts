import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { Checkpoints, type CheckpointRow } from '../../src/main/engine/copy/checkpoints';
import { JobStore } from '../../src/main/engine/jobs/job-store';
import { tempDir } from '../helpers/tree';

/**
 * Checkpoints of names that are not UTF-8 (escaped bytes, see byte-names.ts), in a real SQLite file.
 * Stored as TEXT, better-sqlite3 reads each escaped byte back as three U+FFFD: a row would come back
 * under another name, and two names that differ only in their invalid bytes as the same one.
 */
const twinA = 'n/d\udce9r/x\udc80.txt'; // b'd\xe9r/x\x80.txt'
const twinB = 'n/d\udce9r/x\udc81.txt'; // b'd\xe9r/x\x81.txt': the same text once each byte is U+FFFD
const replaced = 'n/d\ufffdr/x\ufffd.txt'; // a name that really holds U+FFFD

function open() {
  const file = path.join(tempDir(), 'library.db');
  const db = openLibrary(file);
  const jobId = new JobStore(db).create({ kind: 'copy', config: {} }).id;
  return { file, db, jobId };
}

const row = (rel: string, state: CheckpointRow['state'], extra: Partial<CheckpointRow> = {}): CheckpointRow =>
  ({ rel, state, destRel: null, size: rel.length, code: null, ...extra });

test('two names that differ only in their invalid bytes are two rows, read back exactly, and a lookup tells them apart (after a reopen)', () => {
  const { file, db, jobId } = open();
  const cp = new Checkpoints(db, jobId);
  cp.record(row(twinA, 'done', { destRel: 'n/d\udce9r/x\udc80 2.txt' }));
  cp.record(row(twinB, 'failed', { code: 'EACCES' }));
  cp.record(row('n/plain.txt', 'done'));
  cp.flush();
  // Many rows at once go through the multi-row statement: the same rule holds there.
  const many: CheckpointRow[] = [];
  for (let i = 0; i < 130; i++) many.push(row(`many/\udcff${String.fromCharCode(0xdc80 + (i % 64))}${i}`, 'done'));
  for (const r of many) cp.record(r);
  cp.flush();
  db.close();

  const again = openLibrary(file);
  const resumed = new Checkpoints(again, jobId);
  assert.equal((again.prepare('SELECT COUNT(*) AS n FROM copy_items WHERE job_id = ?').get(jobId) as { n: number }).n, 133);
  const found = resumed.lookup([twinA, twinB, replaced, 'n/plain.txt', ...many.map((r) => r.rel)]);
  assert.equal(found.size, 133, 'each stored name found, the one never stored not');
  assert.deepEqual(found.get(twinA), row(twinA, 'done', { destRel: 'n/d\udce9r/x\udc80 2.txt' }));
  assert.deepEqual(found.get(twinB), row(twinB, 'failed', { code: 'EACCES' }));
  assert.equal(found.has(replaced), false);
  for (const r of many) assert.deepEqual(found.get(r.rel), r);
  assert.deepEqual(resumed.counts(), { done: 132, skipped: 0, failed: 1, doneBytes: [twinA, 'n/plain.txt', ...many.map((r) => r.rel)].reduce((s, r) => s + r.length, 0) });
  again.close();
});

test('failed rows page back exactly, text and byte names alike, each once', () => {
  const { db, jobId } = open();
  const cp = new Checkpoints(db, jobId);
  const rels = [twinA, twinB, replaced, 'a.txt', 'z.txt', '\udcff', '\udcfe'];
  for (const rel of rels) cp.record(row(rel, 'failed', { code: 'EIO' }));
  cp.flush();
  const pages = [...cp.failed(2)];
  assert.ok(pages.length >= 4);
  assert.deepEqual(pages.flat().map((r) => r.rel).sort(), [...rels].sort());
  db.close();
});

test("a copy job's config keeps names that are not UTF-8 through the jobs row", () => {
  const { db } = open();
  const store = new JobStore(db);
  const config = { sources: ['/tmp/d\udce9r', '/tmp/\udcff\udcfe.txt'], destination: '/tmp/\udc80dest', overwrite: 'skip' };
  const job = store.create({ kind: 'copy', config });
  assert.deepEqual(store.get(job.id)!.config, config);
  store.updateConfig(job.id, { ...config, sources: ['/tmp/x\udc81'] });
  assert.deepEqual(store.get(job.id)!.config.sources, ['/tmp/x\udc81']);
  db.close();
});

test('doneUnder: the done rows of one SOURCE, paged in path order: not its siblings whose names extend it, nor BLOB paths', () => {
  const { db, jobId } = open();
  const cp = new Checkpoints(db, jobId);
  const under = ['photos', 'photos/a.jpg', 'photos/deep/b.jpg', 'photos/z.jpg'];
  for (const rel of under) cp.record(row(rel, 'done', rel === 'photos/z.jpg' ? { destRel: 'photos/z 2.jpg' } : {}));
  for (const rel of ['photos live/c.jpg', 'photos.txt', 'photos0/d.jpg', 'photosX', 'other/e.jpg']) cp.record(row(rel, 'done'));
  cp.record(row('photos/skipped.jpg', 'skipped', { code: 'userChoice' }));
  cp.record(row('photos/failed.jpg', 'failed', { code: 'EACCES' }));
  cp.record(row('photos/n\udce9.jpg', 'done'));
  cp.flush();
  const pages = [...cp.doneUnder('photos', 3)];
  assert.deepEqual(pages.map((p) => p.length), [3, 1]);
  assert.deepEqual(pages.flat().map((r) => r.rel), under);
  assert.equal(pages.flat().find((r) => r.rel === 'photos/z.jpg')?.destRel, 'photos/z 2.jpg');
});
