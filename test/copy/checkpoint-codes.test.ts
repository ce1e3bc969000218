import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Checkpoints } from '../../src/main/engine/copy/checkpoints';
import { tempDir, tree } from '../helpers/tree';
import { copy, lab } from './harness';

/**
 * What a job's checkpoint rows say it did at each place (the undo history reads them: transfer-watch.ts):
 * created a file (code null), replaced one ('replaced'), made a folder ('made', not a file for counts()).
 */
type Row = { rel: string; state: string; dest: string | null; size: number; code: string | null };
function rowsOf(db: import('../../src/main/engine/db/library').Db, jobId: string): Row[] {
  return db.prepare('SELECT rel_path AS rel, state, dest_path AS dest, size, code FROM copy_items WHERE job_id = ? ORDER BY rel_path')
    .all(jobId) as Row[];
}

test('a copy merging into a folder checkpoints the files it created, those it replaced, and the folders it made', async () => {
  const l = lab();
  try {
    const src = tree(tempDir(), { 'A/old.txt': 'new old', 'A/new.txt': 'n', 'A/newsub/x': 'xx', 'A/newsub/deep/z': 'zzz', 'A/keep/y': 'yyyy' });
    const dest = tree(tempDir(), { 'A/old.txt': 'the old one', 'A/keep/k': 'k' });
    const run = await copy(l, { sources: [path.join(src, 'A')], destination: dest, overwrite: 'replace', useIndex: false });
    assert.equal(run.completed.status, 'done');
    const jobId = run.handle.jobId;
    assert.deepEqual(rowsOf(l.db, jobId), [
      { rel: 'A/keep/y', state: 'done', dest: null, size: 4, code: null },
      { rel: 'A/new.txt', state: 'done', dest: null, size: 1, code: null },
      { rel: 'A/newsub', state: 'done', dest: null, size: 0, code: 'made' },
      { rel: 'A/newsub/deep', state: 'done', dest: null, size: 0, code: 'made' },
      { rel: 'A/newsub/deep/z', state: 'done', dest: null, size: 3, code: null },
      { rel: 'A/newsub/x', state: 'done', dest: null, size: 2, code: null },
      { rel: 'A/old.txt', state: 'done', dest: null, size: 7, code: 'replaced' },
    ], 'no row for A or A/keep: they were there');
    // Files only: the folders it made are not counted as done files (resume progress).
    assert.deepEqual(new Checkpoints(l.db, jobId).counts(), { done: 5, skipped: 0, failed: 0, doneBytes: 4 + 1 + 3 + 2 + 7 });
    assert.deepEqual(new Checkpoints(l.db, jobId).doneBelow('A/newsub').map((r) => r.rel).sort(), ['A/newsub/deep', 'A/newsub/deep/z', 'A/newsub/x']);

    // Kept beside a taken name: created (at its own name), not a replace.
    const again = await copy(l, { sources: [path.join(src, 'A')], destination: dest, overwrite: 'keep-both', useIndex: false });
    const kept = rowsOf(l.db, again.handle.jobId).find((r) => r.rel === 'A/new.txt');
    assert.deepEqual(kept, { rel: 'A/new.txt', state: 'done', dest: 'A/new 2.txt', size: 1, code: null });
  } finally {
    l.close();
  }
});

test('a copy into a new folder checkpoints it as made', async () => {
  const l = lab();
  try {
    const src = tree(tempDir(), { 'A/sub/x': 'x' });
    const dest = tempDir();
    const run = await copy(l, { sources: [path.join(src, 'A')], destination: dest, overwrite: 'skip', useIndex: false });
    assert.deepEqual(rowsOf(l.db, run.handle.jobId).map((r) => [r.rel, r.code]), [['A', 'made'], ['A/sub', 'made'], ['A/sub/x', null]]);
    assert.equal(new Checkpoints(l.db, run.handle.jobId).counts().done, 1);
  } finally {
    l.close();
  }
});

test('a resume keeps what the earlier run did at each place; a file found in place with no row was "found"', async () => {
  const l = lab();
  try {
    const spec: Record<string, string> = {};
    const there: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      spec[`A/d${i % 8}/f${i}.bin`] = `payload ${i} `.repeat(200);
      if (Math.floor(i / 8) % 2 === 0) there[`A/d${i % 8}/f${i}.bin`] = 'the old one'; // every other file of each folder
    }
    const src = tree(tempDir(), spec);
    const dest = tree(tempDir(), there);
    // A speed limit keeps it copying past the first progress event on any machine.
    const first = await copy(l, { sources: [path.join(src, 'A')], destination: dest, overwrite: 'replace', useIndex: false, concurrency: 1, rateLimit: 256 * 1024 },
      (e, h) => { if (e.type === 'progress' && e.copiedFiles > 0) h().cancel('interrupt'); });
    assert.equal(first.completed.status, 'interrupted');
    const jobId = first.handle.jobId;
    const before = new Map(rowsOf(l.db, jobId).map((r) => [r.rel, r.code]));
    const replaced = [...before].filter(([, code]) => code === 'replaced').map(([rel]) => rel);
    const created = [...before].filter(([rel, code]) => code === null && rel.endsWith('.bin')).map(([rel]) => rel);
    assert.ok(replaced.length > 0 && created.length > 1, `the first run replaced and created files (${replaced.length}, ${created.length})`);
    // A checkpoint lost (the process died before it was written): the resume finds that copy in place.
    const lost = created.pop()!;
    l.db.prepare('DELETE FROM copy_items WHERE job_id = ? AND rel_path = ?').run(jobId, lost);

    const resumed = await l.service.resume(jobId, undefined, { rateLimit: 1024 ** 3 });
    assert.equal((await resumed.done).status, 'done');
    const after = new Map(rowsOf(l.db, jobId).map((r) => [r.rel, r.code]));
    for (const rel of replaced) assert.equal(after.get(rel), 'replaced', rel);
    for (const rel of created) assert.equal(after.get(rel), null, rel);
    assert.equal(after.get(lost), 'found');
    assert.deepEqual([...after].filter(([, code]) => code === 'made').map(([rel]) => rel).sort(), [], 'no folder was made: A/d* came with the files there');
    assert.equal(new Checkpoints(l.db, jobId).counts().done, 400);
  } finally {
    l.close();
  }
});
