import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FerryEvent } from '../../src/shared/events';
import { folderOn, secondFileSystem } from '../helpers/second-fs';
import { manyFiles, tempDir, tree } from '../helpers/tree';
import { startFerry as ferry } from '../helpers/ferry-cli';
import { seededRandom } from '../../bench/seeded-random';

/**
 * The move's invariant (docs/file-operations.md, "Moving"): at every instant each file exists whole under its
 * final name in at least one place. A move of 10,000 files from the disk to a tmpfs is killed with SIGKILL at
 * random moments, 20 times (the first run, then each `ferry resume` of it); after each kill every original
 * file's bytes are found at the source or at the destination. Then `ferry resume` completes it, and the
 * destination is the source, byte for byte, with nothing left behind.
 */
const second = secondFileSystem(512);
const FILES = 10_000;
const ROUNDS = 20;

/** Where each original file is whole now: 'src', 'dest', or missing (the invariant broken). */
function whereIs(rel: string, content: string, src: string, dest: string): 'src' | 'dest' | 'both' | null {
  const at = (p: string) => { try { return fs.readFileSync(p, 'utf8') === content; } catch { return false; } };
  const s = at(path.join(src, rel));
  const d = at(path.join(dest, rel));
  return s && d ? 'both' : s ? 'src' : d ? 'dest' : null;
}

test(`kill -9 at ${ROUNDS} random moments of a move of ${FILES} files across file systems: no file is ever lost`,
  { skip: second.skip, timeout: 20 * 60_000 }, async () => {
    const seed = Number(process.env.FERRY_TEST_SEED ?? Date.now() % 1_000_000);
    const rand = seededRandom(seed);
    const root = tempDir('ferry-cli-move-kill-');
    const env = { FERRY_DB: path.join(root, 'library.db') };
    const spec = manyFiles(FILES, 300, 100);
    const src = tree(path.join(root, 'src'), spec);
    const dest = folderOn(second.dir!, path.basename(root));
    const moved = path.join(dest, 'src');
    const files = Object.entries(spec);

    let jobId: string | undefined;
    let left = FILES;
    for (let round = 0; round < ROUNDS; round++) {
      // The first run, then each resume of it (kept slow by its speed limit so that 20 kills fit in).
      const args = jobId ? ['resume', '--json', jobId] : ['move', '--json', '--concurrency', '2', '--limit-rate', '256K', src, dest];
      const run = ferry(args, env);
      // A random moment: at the start (estimate, discovery), or after a random share of the files left.
      const early = rand() < 0.2;
      const after = Math.floor(rand() * 1.5 * left / (ROUNDS - round + 1));
      let killed = false;
      const kill = () => { if (!killed) { killed = true; run.child.kill('SIGKILL'); } };
      run.onEvent((e: FerryEvent) => {
        if (early && (e.type === 'initialEstimate' || e.type === 'resumeDetected' || e.type === 'destinationAnalysis')) kill();
        else if (e.type === 'progress' && e.copiedFiles + e.skippedFiles >= after) kill();
      });
      const r = await run.exited;
      assert.ok(killed && r.signal === 'SIGKILL', `round ${round} (seed ${seed}) ended before the kill: ${r.code} ${r.stderr}`);
      jobId ??= r.events[0]?.jobId;
      assert.ok(jobId, `round ${round} (seed ${seed}): killed before the job began; no job to resume`);

      left = 0;
      for (const [rel, content] of files) {
        const where = whereIs(rel, content, src, moved);
        assert.ok(where, `round ${round} (seed ${seed}): ${rel} is whole nowhere`);
        if (where !== 'dest') left++;
      }
    }

    const last = await ferry(['resume', '--json', '--limit-rate', '0', jobId!], env, { deadlineMs: 5 * 60_000 }).exited;
    assert.equal(last.code, 0, last.stderr);
    for (const [rel, content] of files) assert.equal(whereIs(rel, content, src, moved), 'dest', rel);
    assert.equal(fs.existsSync(src), false, 'the emptied source folders are gone');
    const onDisk: string[] = [];
    for (const d of fs.readdirSync(moved)) for (const f of fs.readdirSync(path.join(moved, d))) onDisk.push(`${d}/${f}`);
    assert.deepEqual(onDisk.sort(), files.map(([rel]) => rel).sort(), 'nothing else at the destination (no temp files)');
  });
