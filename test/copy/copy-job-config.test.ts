import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { openLibrary } from '../../src/main/engine/db/library';
import { JobStore } from '../../src/main/engine/jobs/job-store';
import { FerryError } from '../../src/shared/errors';
import { emptyDir, tempDir, tree } from '../helpers/tree';

/** A real library file holding one sound interrupted copy and the rows given, written as raw column text. */
function libraryWith(rows: { config: string; progress?: string }[]): { dbFile: string; sound: string; damaged: string[] } {
  const root = tree(tempDir(), { 'src/a.txt': 'a', dest: emptyDir() });
  const dbFile = path.join(root, 'library.db');
  const db = openLibrary(dbFile);
  const store = new JobStore(db);
  const config = { sources: [path.join(root, 'src')], destination: path.join(root, 'dest'), overwrite: 'skip', useIndex: false, concurrency: 2 };
  const sound = store.create({ kind: 'copy', status: 'interrupted', config }).id;
  store.saveProgress(sound, { copiedFiles: 0, totalFiles: 1, discoveryActive: true });
  const damaged = rows.map((r) => {
    const id = store.create({ kind: 'copy', status: 'interrupted', config: {} }).id;
    db.prepare('UPDATE jobs SET config = ?, progress = ? WHERE id = ?').run(r.config, r.progress ?? null, id);
    return id;
  });
  db.close();
  return { dbFile, sound, damaged };
}

async function refusal(p: Promise<unknown>): Promise<FerryError> {
  try { await p; } catch (err) { if (err instanceof FerryError) return err; throw err; }
  throw new Error('not refused');
}

test('a row that is not JSON is listed as damaged, with the others, and cannot be resumed', async () => {
  const { dbFile, sound, damaged: [broken, list] } = libraryWith([{ config: '{"sources": ["/a"' }, { config: '[1, 2]', progress: 'null' }]);
  const engine = createFerryEngine({ dbFile, browsing: false });
  try {
    const jobs = await engine.listJobs({});
    assert.equal(jobs.length, 3, 'one bad row does not hide the others');
    assert.equal(jobs.find((j) => j.id === sound)!.damaged, undefined);
    assert.equal(jobs.find((j) => j.id === broken)!.damaged, 'config is not valid JSON');
    assert.equal(jobs.find((j) => j.id === list)!.damaged, 'config is not a JSON object; progress is not a JSON object');
    const err = await refusal(engine.resumeJob({ jobId: broken! }));
    assert.equal(err.code, 'JOB_NOT_RESUMABLE');
    assert.equal(err.message, `Job ${broken}'s saved row is damaged (config is not valid JSON): it cannot be resumed or retried`);
  } finally {
    engine.close();
  }
});

test('a copy row of the wrong shape is refused naming the field; a sound one resumes', async () => {
  const good = { sources: ['/nowhere/src'], destination: '/nowhere/dest', useIndex: true, concurrency: 2 };
  const { dbFile, sound, damaged: [mode, progress] } = libraryWith([
    { config: JSON.stringify({ ...good, overwrite: 'sideways' }) },
    { config: JSON.stringify({ ...good, overwrite: 'skip' }), progress: JSON.stringify({ totalFiles: 'ten' }) },
  ]);
  const engine = createFerryEngine({ dbFile, browsing: false });
  try {
    assert.match((await refusal(engine.resumeJob({ jobId: mode! }))).message, /saved row is damaged \(config overwrite: .*\)/);
    assert.match((await refusal(engine.retryFailed({ jobId: mode! }))).message, /saved row is damaged \(config overwrite: /);
    assert.match((await refusal(engine.resumeJob({ jobId: progress! }))).message, /saved row is damaged \(progress totalFiles: .*number/);
    assert.equal(engine.savedCopy(sound).config.overwrite, 'skip');
    assert.deepEqual(engine.savedCopy(sound).progress, { copiedFiles: 0, totalFiles: 1, discoveryActive: true });
    const done = new Promise<string>((resolve) => engine.onEvent((e) => { if (e.type === 'completed' && e.jobId === sound) resolve(e.status); }));
    await engine.resumeJob({ jobId: sound });
    assert.equal(await done, 'done');
  } finally {
    await engine.shutdown();
  }
});
