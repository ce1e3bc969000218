import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { ferry, libraryEnv } from '../helpers/ferry-cli';
import { tempDir, tree } from '../helpers/tree';

/**
 * A move whose every SOURCE is renamed whole (move/renamed-move.ts) is one rename: its process must not load
 * the copy job's machinery (issue 12: a same-file-system `ferry move` in ≤ 0.2 s, Node's start-up being half
 * of it), yet it must look like any move: the same events, job row and undo history entry.
 */

/** Modules of this build that `ferry ARGS` loaded (recorded at exit by a preload), relative to out/node/src. */
function modulesLoadedBy(args: string[], env: NodeJS.ProcessEnv, root: string): { run: ReturnType<typeof ferry>; modules: string[] } {
  const report = path.join(root, `loaded-${fs.readdirSync(root).length}.json`);
  const preload = path.join(root, 'report-modules.js');
  fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)},
    JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('/out/node/src/')).map((k) => k.split('/out/node/src/')[1]))));`);
  const run = ferry(args, { ...env, NODE_OPTIONS: `-r ${preload}` });
  return { run, modules: JSON.parse(fs.readFileSync(report, 'utf8')) as string[] };
}

/** What only a job that moves file by file needs (the copy job and its phases), or only undo, or only a question. */
const NOT_FOR_A_WHOLE_RENAME = [
  'main/engine/copy/copy-job.js', 'main/engine/copy/operation.js', 'main/engine/copy/file-copy.js',
  'main/engine/copy/dispatcher.js', 'main/engine/copy/destination-index.js', 'main/engine/copy/copy-workers.js',
  'main/engine/move/move-operation.js', 'main/engine/history/history-executor.js', 'main/hosts/cli/conflict-prompt.js',
];

test('a move renamed whole loads none of the copy job\'s modules, and is seen as any move: events, job row, history', () => {
  const root = tempDir('ferry-renamed-move-');
  const src = tree(path.join(root, 'src'), { 'photos/a.jpg': 'aaaa', 'photos/deep/b.jpg': 'bb', 'x/merge.txt': 'm' });
  const dest = tree(path.join(root, 'dest'), { 'x/theirs.txt': 't' });
  const { env } = libraryEnv();

  const whole = modulesLoadedBy(['move', '--json', path.join(src, 'photos'), dest], env, root);
  assert.equal(whole.run.code, 0, whole.run.stderr);
  assert.deepEqual(NOT_FOR_A_WHOLE_RENAME.filter((m) => whole.modules.includes(m)), []);
  assert.ok(whole.modules.includes('main/engine/move/renamed-move.js'), whole.modules.join(' '));
  assert.equal(fs.readFileSync(path.join(dest, 'photos/deep/b.jpg'), 'utf8'), 'bb');
  assert.deepEqual(whole.run.events.map((e) => e.type), ['initialEstimate', 'progress', 'completed']);
  const [first, , last] = whole.run.events as [EventOf<'initialEstimate'>, FerryEvent, EventOf<'completed'>];
  assert.deepEqual([first.operation, first.knownFiles, first.discoveryStarting], ['move', 0, false]);
  assert.deepEqual([last.status, last.operation, last.renamed, last.originalsRemoved], ['done', 'move', 1, 0]);
  assert.match(ferry(['jobs'], env).stdout, new RegExp(`${last.jobId}\\s+move\\s+completed\\s.*0/0 files`));
  assert.match(ferry(['history'], env).stdout, /Move of “photos”\s+done/);

  // The guard can fail: a move that merges into a folder at DEST runs the copy job.
  const merge = modulesLoadedBy(['move', '--json', path.join(src, 'x'), dest], env, root);
  assert.equal(merge.run.code, 0, merge.run.stderr);
  assert.ok(merge.modules.includes('main/engine/copy/copy-job.js'), merge.modules.join(' '));
  assert.deepEqual(fs.readdirSync(path.join(dest, 'x')).sort(), ['merge.txt', 'theirs.txt']);
});

test('a move renamed whole, interrupted before its turn: it ends interrupted, opening with initialEstimate, and resumes', async () => {
  const root = tempDir('ferry-renamed-move-');
  const src = tree(path.join(root, 'src'), { 'photos/a.jpg': 'aaaa' });
  const dest = fs.mkdirSync(path.join(root, 'dest'), { recursive: true })!;
  const engine = createFerryEngine({ dbFile: path.join(root, 'library.db'), browsing: false });
  try {
    const events: FerryEvent[] = [];
    const { jobId } = await engine.startCopy({ operation: 'move', sources: [path.join(src, 'photos')], destination: dest, overwrite: 'skip' },
      { onEvent: (e) => events.push(e) });
    engine.interruptJob(jobId);
    const end = await until(events, 'completed');
    assert.deepEqual(events.map((e) => e.type), ['initialEstimate', 'progress', 'completed']);
    assert.deepEqual([end.status, end.renamed], ['interrupted', 1]);
    assert.equal((await engine.listJobs({})).find((j) => j.id === jobId)?.status, 'interrupted');
    // The rename is done whatever the job's end: what is left to resume is nothing.
    assert.equal(fs.readFileSync(path.join(dest, 'photos/a.jpg'), 'utf8'), 'aaaa');
    const resumed: FerryEvent[] = [];
    await engine.resumeJob({ jobId }, { onEvent: (e) => resumed.push(e) });
    assert.equal((await until(resumed, 'completed')).status, 'done');
    assert.equal((await engine.listJobs({})).find((j) => j.id === jobId)?.status, 'completed');
  } finally {
    await engine.shutdown();
  }
});

async function until<T extends 'completed'>(events: FerryEvent[], type: T): Promise<EventOf<T>> {
  for (let waited = 0; waited < 30_000; waited += 10) {
    const found = events.find((e): e is EventOf<T> => e.type === type);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no ${type} event`);
}
