import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyDir, snapshot, symlink, tempDir, tree } from '../helpers/tree';
import { openLibrary } from '../../src/main/engine/db/library';
import { JobManager } from '../../src/main/engine/jobs/job-manager';
import { CopyService, type CopyHandle } from '../../src/main/engine/copy/copy-service';
import { defaultRulesSkip, indexTree } from '../helpers/index-rows';
import { copy, lab, ofType, tempLeftovers } from './harness';
import type { FerryEvent } from '../../src/shared/events';
import { FerryError } from '../../src/shared/errors';

const labs: ReturnType<typeof lab>[] = [];
function newLab() { const l = lab(); labs.push(l); return l; }
after(() => { for (const l of labs) l.close(); });

function assertEventContract(events: FerryEvent[], jobId: string): void {
  assert.equal(events[0]?.type, 'initialEstimate', 'initialEstimate comes first');
  assert.equal(events[events.length - 1]?.type, 'completed', 'completed comes last');
  assert.equal(events.filter((e) => e.type === 'completed').length, 1);
  let fraction = 0;
  let t = 0;
  for (const e of events) {
    assert.equal(e.jobId, jobId);
    assert.ok(e.t >= t, 't never goes back');
    t = e.t;
    if (e.type === 'progress') {
      assert.ok((e.fraction ?? 0) >= fraction, `fraction never decreases (${e.fraction} after ${fraction})`);
      fraction = e.fraction ?? 0;
    }
  }
}

describe('CopyService', () => {
  test('copies an indexed tree whose filtered folders (.git, node_modules, hidden) only discovery finds', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 'project'), {
      'src/main.ts': 'main', 'src/lib/util.ts': 'util', 'README.md': 'readme',
      '.git/HEAD': 'ref: main', '.git/objects/ab/cdef': 'object', 'node_modules/x/index.js': 'x',
      '.env': 'SECRET=1', 'empty': emptyDir(), 'link': symlink('src/main.ts'),
      'exec.sh': { content: '#!/bin/sh\n', mode: 0o755, mtime: new Date('2020-01-02T03:04:05.678Z') },
    });
    const { rows } = indexTree(l.db, src, defaultRulesSkip);
    assert.ok(!rows.some((r) => r.name === '.git'), 'the index lacks .git');
    const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'skip' });

    assert.equal(run.completed.status, 'done');
    assert.deepEqual(snapshot(path.join(dest, 'project'), { withMeta: true }), snapshot(src, { withMeta: true }));
    assert.equal(run.completed.failedFiles, 0);
    assert.ok(run.completed.indexedFiles > 0 && run.completed.discoveredFiles >= 4, 'both phases contributed');
    const estimate = ofType(run.events, 'initialEstimate')[0]!;
    assert.equal(estimate.knownFiles, 4, 'the estimate counts the indexed regular files');
    assertEventContract(run.events, run.handle.jobId);
    assert.equal(ofType(run.events, 'discoveryComplete').length, 1);
    assert.deepEqual(tempLeftovers(dest), []);
    const statuses = l.db.prepare('SELECT kind, status FROM jobs ORDER BY kind').all();
    assert.deepEqual(statuses, [
      { kind: 'copy', status: 'completed' }, { kind: 'destination-index', status: 'completed' }, { kind: 'discovery', status: 'completed' },
    ]);
  });

  test('a stale index (deleted, grown, new files) still gives an identical tree; the deleted file is skipped as vanished', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 'data'), { 'keep.txt': 'same', 'grow.txt': 'small', 'gone.txt': 'bye', 'sub/old.txt': 'old' });
    indexTree(l.db, src);
    fs.rmSync(path.join(src, 'gone.txt'));
    fs.writeFileSync(path.join(src, 'grow.txt'), 'much bigger than before');
    tree(src, { 'new.txt': 'new', 'sub/new2.txt': 'new too' });
    const dest = fs.mkdirSync(path.join(l.root, 'out'), { recursive: true })!;
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'skip' });

    assert.equal(run.completed.status, 'done');
    assert.deepEqual(snapshot(path.join(dest, 'data')), snapshot(src));
    const vanished = ofType(run.events, 'filesSkipped').filter((e) => e.reason === 'vanished').reduce((n, e) => n + e.count, 0);
    assert.equal(vanished, 1);
    assert.equal(run.completed.copiedFiles, 5);
    const last = ofType(run.events, 'progress').at(-1)!;
    assert.equal(last.totalFiles, 5, 'the vanished file leaves the total');
    assert.equal(last.totalBytes, ['same', 'much bigger than before', 'old', 'new', 'new too'].join('').length, 'sizes come from disk');
    assertEventContract(run.events, run.handle.jobId);
  });

  test('odd names survive: spaces, %, _, backslash, quotes, newline, leading dash, NFD, 255 bytes', async () => {
    const l = newLab();
    const names = ['with space.txt', '100%_done.txt', 'back\\slash', `it's "quoted"`, 'line\nbreak', '-rf', 'cafe\u0301.txt', 'é'.repeat(127) + 'x'];
    assert.equal(Buffer.byteLength(names[names.length - 1]!), 255);
    const spec: Record<string, string> = {};
    for (const n of names) { spec[`odd/${n}`] = `content of ${n}`; spec[`odd/a_%/${n}`] = n; }
    const src = tree(path.join(l.root, 'src'), spec);
    indexTree(l.db, src);
    const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
    const run = await copy(l, { sources: [path.join(src, 'odd')], destination: dest, overwrite: 'skip' });
    assert.equal(run.completed.status, 'done');
    assert.equal(run.completed.failedFiles, 0);
    assert.deepEqual(snapshot(path.join(dest, 'odd')), snapshot(path.join(src, 'odd')));
  });

  test('without the index (useIndex false) discovery finds everything; symlinks stay links; specials are skipped', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 's'), { 'a.txt': 'a', 'dir/b.txt': 'b', 'dangling': symlink('nowhere'), 'abs': symlink('/etc/hostname') });
    const fifo = path.join(src, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const dest = fs.mkdirSync(path.join(l.root, 'd'), { recursive: true })!;
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'skip', useIndex: false });
    assert.equal(run.completed.status, 'done');
    assert.equal(fs.readlinkSync(path.join(dest, 's', 'dangling')), 'nowhere');
    assert.equal(fs.readlinkSync(path.join(dest, 's', 'abs')), '/etc/hostname');
    assert.ok(!fs.existsSync(path.join(dest, 's', 'pipe')), 'a FIFO is not copied');
    assert.equal(ofType(run.events, 'filesSkipped').filter((e) => e.reason === 'special').reduce((n, e) => n + e.count, 0), 1);
    assert.equal(run.completed.indexedFiles, 0);
    assert.equal(ofType(run.events, 'initialEstimate')[0]!.knownFiles, 0);
  });

  test('several sources, a file source among them, each land at DEST/<name>', async () => {
    const l = newLab();
    tree(l.root, { 'one/x.txt': 'x', 'two.txt': 'two', 'three/deep/y': 'y' });
    const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
    const run = await copy(l, {
      sources: ['one', 'two.txt', 'three'].map((n) => path.join(l.root, n)), destination: dest, overwrite: 'skip',
    });
    assert.equal(run.completed.copiedFiles, 3);
    assert.deepEqual(Object.keys(snapshot(dest)).sort(), ['one', 'one/x.txt', 'three', 'three/deep', 'three/deep/y', 'two.txt']);
  });

  test('a second run under skip copies nothing and changes nothing', async () => {
    const l = newLab();
    const spec: Record<string, string> = { 'empty/.keep': '' };
    for (let i = 0; i < 500; i++) spec[`d${i % 10}/f${i}`] = `v${i}`;
    const src = tree(path.join(l.root, 'src'), spec);
    const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
    await copy(l, { sources: [src], destination: dest, overwrite: 'skip' });
    const before = snapshot(dest, { withMeta: true });
    const again = await copy(l, { sources: [src], destination: dest, overwrite: 'skip' });
    assert.equal(again.completed.copiedFiles, 0);
    assert.equal(again.completed.skippedFiles, 501);
    assert.deepEqual(snapshot(dest, { withMeta: true }), before);
    assertEventContract(again.events, again.handle.jobId);
  });

  describe('overwrite modes', () => {
    const OLD = new Date('2020-01-01T00:00:00Z');
    const NEW = new Date('2024-01-01T00:00:00Z');
    async function modeRun(mode: 'skip' | 'replace' | 'skip-newer' | 'keep-both') {
      const l = newLab();
      const src = tree(path.join(l.root, 'src'), {
        'a.txt': { content: 'new a', mtime: NEW }, 'b.txt': { content: 'old b', mtime: OLD },
        'archive.tar.gz': 'gz', '.bashrc': 'rc', 'name 2.txt': 'two', 'fresh.txt': 'fresh',
      });
      const dest = tree(path.join(l.root, 'dest'), {
        'src/a.txt': { content: 'dest a', mtime: OLD }, 'src/b.txt': { content: 'dest b', mtime: NEW },
        'src/archive.tar.gz': 'old gz', 'src/.bashrc': 'old rc', 'src/name 2.txt': 'old two',
      });
      const run = await copy(l, { sources: [src], destination: dest, overwrite: mode });
      return { run, out: path.join(dest, 'src'), read: (n: string) => fs.readFileSync(path.join(dest, 'src', n), 'utf8') };
    }

    test('skip keeps what is there', async () => {
      const { run, read } = await modeRun('skip');
      assert.equal(read('a.txt'), 'dest a');
      assert.equal(read('fresh.txt'), 'fresh');
      assert.equal(run.completed.skippedFiles, 5);
      assert.equal(ofType(run.events, 'filesSkipped').filter((e) => e.reason === 'alreadyExists').reduce((n, e) => n + e.count, 0), 5);
    });

    test('replace replaces', async () => {
      const { run, read } = await modeRun('replace');
      assert.deepEqual(['a.txt', 'b.txt', 'archive.tar.gz', 'name 2.txt'].map(read), ['new a', 'old b', 'gz', 'two']);
      assert.equal(run.completed.copiedFiles, 6);
    });

    test('skip-newer replaces only older destination files', async () => {
      const { run, read } = await modeRun('skip-newer');
      assert.equal(read('a.txt'), 'new a', 'the destination was older: replaced');
      assert.equal(read('b.txt'), 'dest b', 'the destination is newer: kept');
      assert.ok(ofType(run.events, 'filesSkipped').some((e) => e.reason === 'destinationNewer'));
    });

    test('keep-both writes Finder names beside the existing files', async () => {
      const { run, out, read } = await modeRun('keep-both');
      assert.deepEqual(fs.readdirSync(out).sort(), [
        '.bashrc', '.bashrc 2', 'a 2.txt', 'a.txt', 'archive 2.tar.gz', 'archive.tar.gz', 'b 2.txt', 'b.txt',
        'fresh.txt', 'name 2.txt', 'name 3.txt',
      ]);
      assert.equal(read('a.txt'), 'dest a');
      assert.equal(read('a 2.txt'), 'new a');
      assert.equal(read('name 3.txt'), 'two');
      assert.equal(read('archive 2.tar.gz'), 'gz');
      assert.equal(run.completed.copiedFiles, 6);
    });
  });

  test('a file meeting a folder (and a folder meeting a file) is never silent loss', async () => {
    for (const mode of ['skip', 'replace', 'keep-both'] as const) {
      const l = newLab();
      const src = tree(path.join(l.root, 'src'), { 'thing': 'a file', 'folder/inside.txt': 'in' });
      const dest = tree(path.join(l.root, 'dest'), { 'src/thing/precious.txt': 'keep me', 'src/folder': 'i am a file' });
      const run = await copy(l, { sources: [src], destination: dest, overwrite: mode });
      assert.equal(fs.readFileSync(path.join(dest, 'src/thing/precious.txt'), 'utf8'), 'keep me', `${mode}: the folder stays`);
      assert.equal(fs.readFileSync(path.join(dest, 'src/folder'), 'utf8'), 'i am a file', `${mode}: the file stays`);
      if (mode === 'skip') {
        assert.equal(run.completed.failedFiles, 0);
        assert.ok(run.completed.skippedFiles >= 2);
      } else if (mode === 'replace') {
        const failed = ofType(run.events, 'fileFailed');
        assert.ok(failed.some((f) => f.code === 'EISDIR' && f.path.endsWith('src/thing')), JSON.stringify(failed));
        assert.ok(failed.some((f) => f.code === 'ENOTDIR'));
      } else {
        assert.equal(fs.readFileSync(path.join(dest, 'src/thing 2'), 'utf8'), 'a file');
      }
    }
  });

  test('prompt: a conflict waits for its answer while other files complete; keep-both and apply-to-all', async () => {
    const l = newLab();
    const spec: Record<string, string> = { 'clash1.txt': 'new 1', 'clash2.txt': 'new 2', 'clash3.txt': 'new 3' };
    for (let i = 0; i < 300; i++) spec[`other/f${i}.txt`] = `file ${i}`;
    const src = tree(path.join(l.root, 'src'), spec);
    const dest = tree(path.join(l.root, 'dest'), { 'src/clash1.txt': 'old 1', 'src/clash2.txt': 'old 2', 'src/clash3.txt': 'old 3' });
    let landedBeforeAnswer = -1;
    let answered = false;
    const conflicts: string[] = [];
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'prompt' }, (e, h) => {
      if (e.type === 'conflict') conflicts.push(e.conflictId);
      if (e.type === 'progress' && !answered && conflicts.length > 0 && e.copiedFiles >= 300) {
        answered = true;
        landedBeforeAnswer = fs.readdirSync(path.join(dest, 'src', 'other')).length;
        h().resolve({ conflictId: conflicts[0]!, resolution: 'keep-both', applyToAll: false });
        setTimeout(() => {
          assert.throws(() => h().resolve({ conflictId: 'nope', resolution: 'skip', applyToAll: false }),
            (err: unknown) => err instanceof FerryError && err.code === 'CONFLICT_NOT_FOUND');
          h().resolve({ conflictId: conflicts[1]!, resolution: 'replace', applyToAll: true });
        }, 10);
      }
    });
    assert.equal(run.completed.status, 'done');
    assert.equal(landedBeforeAnswer, 300, 'every other file landed while the conflicts waited');
    const c = ofType(run.events, 'conflict');
    assert.ok(c.length >= 2);
    assert.equal(c[0]!.destSize, 5);
    const read = (n: string) => fs.readFileSync(path.join(dest, 'src', n), 'utf8');
    const first = path.basename(c[0]!.destination);
    assert.equal(read(first), `old ${first.slice(5, 6)}`);
    assert.equal(read(first.replace('.txt', ' 2.txt')), `new ${first.slice(5, 6)}`);
    for (const n of ['clash1.txt', 'clash2.txt', 'clash3.txt'].filter((n) => n !== first)) assert.equal(read(n), `new ${n.slice(5, 6)}`);
  });

  test('prompt: a folder meeting a file waits with everything below it; replace and skip are honoured', async () => {
    for (const answer of ['replace', 'skip'] as const) {
      const l = newLab();
      const src = tree(path.join(l.root, 'src'), { 'folder/a.txt': 'a', 'folder/sub/b.txt': 'b', 'other.txt': 'o' });
      const dest = tree(path.join(l.root, 'dest'), { 'src/folder': 'a file in the way' });
      const run = await copy(l, { sources: [src], destination: dest, overwrite: 'prompt' }, (e, h) => {
        if (e.type === 'conflict') {
          assert.equal(e.sourceKind, 'dir');
          assert.equal(e.destKind, 'file');
          setTimeout(() => h().resolve({ conflictId: e.conflictId, resolution: answer, applyToAll: false }), 30);
        }
      });
      assert.equal(run.completed.status, 'done', answer);
      assert.equal(run.completed.failedFiles, 0, `${answer}: ${JSON.stringify(ofType(run.events, 'fileFailed'))}`);
      assert.equal(ofType(run.events, 'conflict').length, 1);
      if (answer === 'replace') {
        assert.deepEqual(snapshot(path.join(dest, 'src')), snapshot(src));
      } else {
        assert.equal(fs.readFileSync(path.join(dest, 'src/folder'), 'utf8'), 'a file in the way');
        assert.equal(run.completed.skippedFiles, 2);
        assert.equal(fs.readFileSync(path.join(dest, 'src/other.txt'), 'utf8'), 'o');
      }
    }
  });

  test('prompt: replace never deletes a non-empty folder to make room for a file, but may remove an empty one', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 'src'), { 'full': 'file 1', 'empty': 'file 2' });
    const dest = tree(path.join(l.root, 'dest'), { 'src/full/keep.txt': 'keep', 'src/empty': emptyDir() });
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'prompt' }, (e, h) => {
      if (e.type === 'conflict') h().resolve({ conflictId: e.conflictId, resolution: 'replace', applyToAll: false });
    });
    assert.equal(fs.readFileSync(path.join(dest, 'src/full/keep.txt'), 'utf8'), 'keep');
    assert.equal(fs.readFileSync(path.join(dest, 'src/empty'), 'utf8'), 'file 2');
    const failed = ofType(run.events, 'fileFailed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.code, 'ENOTEMPTY');
    assert.match(failed[0]!.message, /not empty; Ferry does not delete a folder/);
  });

  test('prompt: stop ends the job cancelled; the files already copied stay', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 'src'), { 'clash.txt': 'new', 'ok.txt': 'ok' });
    const dest = tree(path.join(l.root, 'dest'), { 'src/clash.txt': 'old' });
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'prompt' }, (e, h) => {
      if (e.type === 'conflict') setTimeout(() => h().resolve({ conflictId: e.conflictId, resolution: 'stop', applyToAll: false }), 50);
    });
    assert.equal(run.completed.status, 'cancelled');
    assert.equal(fs.readFileSync(path.join(dest, 'src/clash.txt'), 'utf8'), 'old');
    assert.equal(l.jobs.store.get(run.handle.jobId)!.status, 'cancelled');
  });

  test('an in-memory library still copies (discovery finds everything; no checkpoints)', async () => {
    const root = tempDir('ferry-copy-mem-');
    const db = openLibrary(':memory:');
    const jobs = new JobManager(db);
    try {
      const src = tree(path.join(root, 'mem'), { 'a.txt': 'a', 'b/c.txt': 'c' });
      const dest = fs.mkdirSync(path.join(root, 'to'), { recursive: true })!;
      const handle = await new CopyService({ db, dbFile: ':memory:', jobs }).start({ sources: [src], destination: dest, overwrite: 'skip' });
      const completed = await handle.done;
      assert.equal(completed.status, 'done');
      assert.equal(completed.copiedFiles, 2);
      assert.deepEqual(snapshot(path.join(dest, 'mem')), snapshot(src));
    } finally {
      jobs.close();
      db.close();
    }
  });

  test('refusals throw before anything is written and leave no job row', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 'src'), { 'a.txt': 'a', 'inner/b.txt': 'b' });
    fs.symlinkSync(path.join(src, 'inner'), path.join(l.root, 'sneaky'));
    const before = snapshot(l.root);
    const refusals: [string[], string, string][] = [
      [[path.join(l.root, 'missing')], l.root, 'SOURCE_NOT_FOUND'],
      [[src], path.join(src, 'inner'), 'DEST_INSIDE_SOURCE'],
      [[src], src, 'DEST_INSIDE_SOURCE'],
      [[src], path.join(l.root, 'sneaky'), 'DEST_INSIDE_SOURCE'],
      [[path.join(src, 'a.txt')], src, 'SAME_FILE'],
      [[src], path.join(src, 'a.txt'), 'DEST_NOT_DIRECTORY'],
      [[src], path.join(l.root, 'nope'), 'DEST_NOT_FOUND'],
    ];
    for (const [sources, destination, code] of refusals) {
      await assert.rejects(l.service.start({ sources, destination, overwrite: 'replace' }),
        (err: unknown) => err instanceof FerryError && err.code === code, `${code} for ${sources} → ${destination}`);
    }
    assert.deepEqual(snapshot(l.root), before);
    assert.equal((l.db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n, 0);
  });

  test('interrupt then resume: checkpoints skip finished files, the tree is identical, no temp files', async () => {
    const l = newLab();
    const spec: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) spec[`d${i % 30}/f${i}.bin`] = `payload ${i} `.repeat(50);
    const src = tree(path.join(l.root, 'big'), spec);
    const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
    // A speed limit (1.8 MB at 1 MiB/s) keeps it copying past the first progress event on any machine.
    const first = await copy(l, { sources: [src], destination: dest, overwrite: 'prompt', concurrency: 1, rateLimit: 1024 ** 2 }, (e, h) => {
      if (e.type === 'progress' && e.copiedFiles > 0) h().cancel('interrupt');
    });
    assert.equal(first.completed.status, 'interrupted');
    assert.equal(l.jobs.store.get(first.handle.jobId)!.status, 'interrupted');
    // Files: the folders the job made are rows too (code 'made', for its undo).
    const doneRows = (l.db.prepare("SELECT COUNT(*) AS n FROM copy_items WHERE job_id = ? AND state = 'done' AND code IS NOT 'made'").get(first.handle.jobId) as { n: number }).n;
    assert.ok(doneRows > 0 && doneRows < 3000, `some but not all files checkpointed (${doneRows})`);
    assert.deepEqual(tempLeftovers(dest), []);

    const events: FerryEvent[] = [];
    let resumed: CopyHandle | undefined;
    // A conflict would wait for an answer forever: stop at once so that the assertions below say which file.
    // eslint-disable-next-line prefer-const -- onEvent may run before resume() returns: a const would still be in its temporal dead zone and throw
    resumed = await l.service.resume(first.handle.jobId, (e) => {
      events.push(e);
      if (e.type === 'conflict') setImmediate(() => resumed?.cancel());
    }, { rateLimit: 1024 ** 3 });
    const completed = await resumed.done;
    assert.deepEqual(ofType(events, 'conflict'), [], 'no conflicts with its own earlier copies');
    assert.equal(completed.status, 'done');
    assert.equal(resumed.jobId, first.handle.jobId);
    assert.equal(events[0]!.type, 'resumeDetected');
    assert.equal(ofType(events, 'resumeDetected')[0]!.alreadyCompleted, doneRows);
    assert.equal(completed.copiedFiles, 3000);
    assert.deepEqual(snapshot(path.join(dest, 'big')), snapshot(src));
    assert.deepEqual(tempLeftovers(dest), []);
    await assert.rejects(l.service.resume(first.handle.jobId), (err: unknown) => err instanceof FerryError && err.code === 'JOB_NOT_RESUMABLE');
  });

  test('retryFailed copies again only the files that failed', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 'src'), { 'ok.txt': 'ok', 'blocked.txt': 'blocked', 'sub/also.txt': 'also' });
    const dest = tree(path.join(l.root, 'dest'), { 'src/blocked.txt/occupied': 'a folder in the way' });
    const first = await copy(l, { sources: [src], destination: dest, overwrite: 'replace' });
    assert.equal(first.completed.failedFiles, 1);
    fs.rmSync(path.join(dest, 'src/blocked.txt'), { recursive: true });
    fs.writeFileSync(path.join(dest, 'src/ok.txt'), 'changed at the destination');
    const events: FerryEvent[] = [];
    const retry = await l.service.retryFailed(first.handle.jobId, (e) => events.push(e));
    const completed = await retry.done;
    assert.notEqual(retry.jobId, first.handle.jobId);
    assert.equal(completed.status, 'done');
    assert.equal(completed.copiedFiles, 1);
    assert.equal(fs.readFileSync(path.join(dest, 'src/blocked.txt'), 'utf8'), 'blocked');
    assert.equal(fs.readFileSync(path.join(dest, 'src/ok.txt'), 'utf8'), 'changed at the destination', 'only the failed file was copied');
  });

  test('pause holds the copy and resume finishes it', async () => {
    const l = newLab();
    const spec: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) spec[`f${i}`] = 'x'.repeat(100);
    const src = tree(path.join(l.root, 'src'), spec);
    const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
    let pausedAt = -1;
    let pausing = false;
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'skip', concurrency: 1, rateLimit: 64 * 1024 }, (e, h) => {
      if (e.type === 'progress' && e.copiedFiles > 0 && !pausing) {
        pausing = true;
        h().pause();
        setTimeout(() => {
          pausedAt = fs.readdirSync(path.join(dest, 'src')).length;
          setTimeout(() => {
            assert.equal(fs.readdirSync(path.join(dest, 'src')).length, pausedAt, 'nothing is copied while paused');
            assert.equal(l.jobs.store.get(h().jobId)!.status, 'paused');
            h().resume();
          }, 300);
        }, 100);
      }
    });
    assert.equal(run.completed.status, 'done');
    assert.ok(pausedAt > 0 && pausedAt < 2000, `paused mid-way (${pausedAt})`);
    const states = ofType(run.events, 'jobState').map((e) => e.status);
    assert.deepEqual(states, ['paused', 'running']);
    assert.equal(fs.readdirSync(path.join(dest, 'src')).length, 2000);
  });
  test('a copy cancelled before it begins ends cancelled, with the usual first and last events; its row says so', async () => {
    const l = newLab();
    const src = tree(path.join(l.root, 'src'), { 'a.txt': 'a' });
    const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
    const events: FerryEvent[] = [];
    const handle = await l.service.start({ sources: [src], destination: dest, overwrite: 'skip', onEvent: (e) => events.push(e) });
    handle.cancel();
    const done = await handle.done;
    assert.equal(done.status, 'cancelled');
    assertEventContract(events, handle.jobId);
    await new Promise((r) => setTimeout(r, 50)); // the job's own first turn has run by now
    assert.equal(l.jobs.store.get(handle.jobId)!.status, 'cancelled', 'not overwritten by a late start');
    assert.deepEqual(fs.readdirSync(dest), []);
  });
});
