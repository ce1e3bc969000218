import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import { openLibrary } from '../../src/main/engine/db/library';
import type { EventOf, FerryEvent, FerryEventType } from '../../src/shared/events';
import { snapshot, tempDir, tree } from '../helpers/tree';
import { homeOfItsOwn } from '../helpers/trash-env';

/**
 * A copy or a move stopped before its end (Ctrl+C, a crash, a quit) and resumed, even by another process,
 * is in the undo history like one that ran in one go (issue 13): one entry with everything the job did.
 */
const { home } = homeOfItsOwn();

function engineOn(dbFile: string): { engine: FerryEngine; events: FerryEvent[] } {
  const engine = createFerryEngine({ dbFile, browsing: false });
  const events: FerryEvent[] = [];
  engine.onEvent((e) => events.push(e));
  return { engine, events };
}

async function waitFor<T extends FerryEventType>(events: FerryEvent[], jobId: string, type: T): Promise<EventOf<T>> {
  for (;;) {
    const found = events.find((e) => e.type === type && 'jobId' in e && e.jobId === jobId);
    if (found) return found as EventOf<T>;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Starts the transfer in one engine and stops it at its conflict (the job is `interrupted`, as by Ctrl+C),
 * then resumes it in a new engine on the same library (a restart), answering Skip if the conflict is asked again.
 */
async function stoppedThenResumed(
  sources: string[], destination: string, operation: 'copy' | 'move', beforeResume: (dbFile: string, jobId: string) => void = () => {},
): Promise<{ engine: FerryEngine; end: EventOf<'completed'> }> {
  const dbFile = path.join(tempDir(), 'library.db');
  const first = engineOn(dbFile);
  const { jobId } = await first.engine.startCopy({ sources, destination, overwrite: 'prompt', operation });
  await waitFor(first.events, jobId, 'conflict');
  first.engine.interruptJob(jobId);
  assert.equal((await waitFor(first.events, jobId, 'completed')).status, 'interrupted');
  assert.equal((await first.engine.history({})).undo, null, 'a stopped job is recorded by its resume, not twice');
  await first.engine.shutdown();

  beforeResume(dbFile, jobId);
  const second = engineOn(dbFile);
  await second.engine.resumeJob({ jobId });
  // The conflict the first run stopped at is asked again only if its answer was not kept: Skip it if asked.
  for (let answered = false; ;) {
    const conflict = second.events.find((e): e is EventOf<'conflict'> => e.type === 'conflict' && e.jobId === jobId);
    if (conflict && !answered) {
      answered = true;
      await second.engine.resolveConflict({ jobId, conflictId: conflict.conflictId, resolution: 'skip', applyToAll: true });
    }
    if (second.events.some((e) => e.type === 'completed' && e.jobId === jobId)) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const end = await waitFor(second.events, jobId, 'completed');
  await new Promise((r) => setImmediate(r)); // the history records on the same `completed`
  return { engine: second.engine, end };
}

test('a copy stopped at a conflict and resumed after a restart is one undoable entry: undo trashes all it created', async () => {
  const src = tree(tempDir(), { 'A/1.txt': 'one', 'A/2.txt': 'new two', 'A/sub/x': 'x', 'B/b.txt': 'b' });
  const dest = tree(path.join(home, 'resumed-copy'), { 'A/2.txt': 'old two' });
  const before = snapshot(dest);
  const { engine, end } = await stoppedThenResumed([path.join(src, 'A'), path.join(src, 'B')], dest, 'copy');
  try {
    assert.equal(end.status, 'done');
    const state = await engine.history({});
    assert.equal(state.undo?.label, 'Copy of 3 Items');
    assert.deepEqual([...state.undo!.paths].sort(), ['A/1.txt', 'A/sub', 'B'].map((p) => path.join(dest, p)));

    await engine.undo({});
    assert.deepEqual(snapshot(dest), before, 'A/2.txt as it was, nothing the copy made');
    assert.equal(fs.readFileSync(path.join(src, 'A/1.txt'), 'utf8'), 'one', 'the sources are untouched');
  } finally {
    await engine.shutdown();
  }
});

test('a move stopped and resumed after a restart is undone whole: the SOURCE renamed at once and the merged files go back', async () => {
  const src = tree(path.join(home, 'resumed-move-src'), { 'A/1.txt': 'one', 'A/2.txt': 'new two', 'A/sub/x': 'x', 'B/b.txt': 'b' });
  const dest = tree(path.join(home, 'resumed-move-dest'), { 'A/2.txt': 'old two' });
  const [srcBefore, destBefore] = [snapshot(src), snapshot(dest)];
  const { engine, end } = await stoppedThenResumed([path.join(src, 'A'), path.join(src, 'B')], dest, 'move');
  try {
    assert.equal(end.status, 'done');
    assert.ok(!fs.existsSync(path.join(src, 'B')) && !fs.existsSync(path.join(src, 'A/1.txt')), 'moved');
    assert.equal((await engine.history({})).undo?.label, 'Move of 3 Items');

    await engine.undo({});
    assert.deepEqual(snapshot(src), srcBefore, 'B, A/1.txt and A/sub/x back where they were; A/2.txt never left');
    assert.deepEqual(snapshot(dest), destBefore);
  } finally {
    await engine.shutdown();
  }
});

test('a job saved by an older Ferry (no undo state in its row) resumes, and is not recorded', async () => {
  const src = tree(tempDir(), { 'A/1.txt': 'one', 'A/2.txt': 'new two' });
  const dest = tree(path.join(home, 'resumed-old-row'), { 'A/2.txt': 'old two' });
  const { engine, end } = await stoppedThenResumed([path.join(src, 'A')], dest, 'copy', (dbFile, jobId) => {
    const db = openLibrary(dbFile);
    const { config } = db.prepare('SELECT config FROM jobs WHERE id = ?').get(jobId) as { config: string };
    const { undo, ...older } = JSON.parse(config) as Record<string, unknown>;
    assert.ok(undo, 'a new row keeps the undo state');
    db.prepare('UPDATE jobs SET config = ? WHERE id = ?').run(JSON.stringify(older), jobId);
    db.close();
  });
  try {
    assert.equal(end.status, 'done');
    assert.equal(fs.readFileSync(path.join(dest, 'A/1.txt'), 'utf8'), 'one');
    assert.equal((await engine.history({})).undo, null);
  } finally {
    await engine.shutdown();
  }
});
