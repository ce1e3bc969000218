import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { folderOn, secondFileSystem } from '../helpers/second-fs';
import { manyFiles, tempDir, tree } from '../helpers/tree';
import { startFerry as ferry } from '../helpers/ferry-cli';

/**
 * The library index follows a move (docs/file-operations.md, "The index follows"): a later copy from the new
 * place starts from the index (its files counted at once and streamed from it), not from a walk of the disk.
 */
const second = secondFileSystem();
const N = 120;

async function copyFromIndex(env: { FERRY_DB: string }, from: string): Promise<{ estimate: EventOf<'initialEstimate'>; completed: EventOf<'completed'> }> {
  const out = tempDir('ferry-cli-move-index-out-');
  const r = await ferry(['copy', '--json', from, out], env).exited;
  assert.equal(r.code, 0, r.stderr);
  const events: FerryEvent[] = r.events;
  return { estimate: events[0] as EventOf<'initialEstimate'>, completed: events.at(-1) as EventOf<'completed'> };
}

async function indexed(env: { FERRY_DB: string }, folder: string): Promise<void> {
  const r = await ferry(['index', folder], env).exited;
  assert.equal(r.code, 0, r.stderr);
}

test('a folder moved within a location (one rename): a copy from its new place starts from the index', async () => {
  const root = tempDir('ferry-cli-move-index-');
  const env = { FERRY_DB: path.join(root, 'library.db') };
  const loc = tree(path.join(root, 'loc'), { ...Object.fromEntries(Object.entries(manyFiles(N)).map(([k, v]) => [`inbox/photos/${k}`, v])), 'archive/old.txt': 'o' });
  await indexed(env, loc);
  const r = await ferry(['move', '--json', path.join(loc, 'inbox/photos'), path.join(loc, 'archive')], env).exited;
  assert.equal(r.code, 0, r.stderr);
  const { estimate, completed } = await copyFromIndex(env, path.join(loc, 'archive/photos'));
  assert.equal(estimate.knownFiles, N);
  assert.deepEqual([completed.indexedFiles, completed.discoveredFiles, completed.copiedFiles], [N, 0, N]);
});

test('a folder moved across file systems into another location: a copy from its new place starts from the index',
  { skip: second.skip }, async () => {
    const root = tempDir('ferry-cli-move-index-');
    const env = { FERRY_DB: path.join(root, 'library.db') };
    const loc = tree(path.join(root, 'loc'), Object.fromEntries(Object.entries(manyFiles(N)).map(([k, v]) => [`photos/${k}`, v])));
    const other = folderOn(second.dir!, path.basename(root));
    fs.mkdirSync(path.join(other, 'backup'));
    await indexed(env, loc);
    await indexed(env, other);
    const r = await ferry(['move', '--json', path.join(loc, 'photos'), path.join(other, 'backup')], env).exited;
    assert.equal(r.code, 0, r.stderr);
    assert.equal((r.events.at(-1) as EventOf<'completed'>).originalsRemoved, N);
    const { estimate, completed } = await copyFromIndex(env, path.join(other, 'backup/photos'));
    assert.equal(estimate.knownFiles, N);
    assert.deepEqual([completed.indexedFiles, completed.discoveredFiles, completed.copiedFiles], [N, 0, N]);
    // And nothing is claimed at the old place any more.
    const { estimate: gone } = await copyFromIndex(env, loc);
    assert.equal(gone.knownFiles, 0);
  });
