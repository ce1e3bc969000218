import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { FerryEvent } from '../../src/shared/events';
import { snapshot, tempDir, tree, manyFiles } from '../helpers/tree';
import { tempLeftovers } from '../copy/harness';
import { startFerry as ferry } from '../helpers/ferry-cli';

/** `ferry copy` end to end: its own process, a real library file, real folders. */
function setup() {
  const root = tempDir('ferry-cli-copy-');
  return { root, env: { FERRY_DB: path.join(root, 'library.db') }, dest: fs.mkdirSync(path.join(root, 'dest'), { recursive: true })! };
}

function jobRows(dbFile: string): { id: string; status: string; kind: string }[] {
  if (!fs.existsSync(dbFile)) return [];
  const db = new Database(dbFile, { readonly: true });
  try { return db.prepare('SELECT id, status, kind FROM jobs').all() as { id: string; status: string; kind: string }[]; } finally { db.close(); }
}

describe('ferry copy', () => {
  test('--json prints one valid event per line: initialEstimate first, completed last; exit 0', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'a.txt': 'a', 'sub/b.txt': 'b', 'sub/empty/.keep': '' });
    const r = await ferry(['copy', '--json', src, dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    for (const line of lines) assert.ok(FerryEvent.safeParse(JSON.parse(line)).success, line);
    assert.equal(r.events[0]!.type, 'initialEstimate');
    assert.equal(r.events.at(-1)!.type, 'completed');
    assert.deepEqual(snapshot(path.join(dest, 'src')), snapshot(src));
    assert.deepEqual(jobRows(env.FERRY_DB).find((j) => j.kind === 'copy')?.status, 'completed');
  });

  test('after `ferry index`, the filtered folders (.git, node_modules, hidden, git-ignored) are discovered and copied too', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'project'), {
      'src/a.ts': 'a', 'src/deep/b.ts': 'b', '.git/HEAD': 'ref', 'node_modules/m/index.js': 'm', '.hidden': 'h',
      '.gitignore': 'build/\n*.log\n', 'build/out.js': 'built', 'debug.log': 'log',
    });
    const indexed = await ferry(['index', src], env).exited;
    assert.equal(indexed.code, 0, indexed.stderr);
    const r = await ferry(['copy', '--json', src, dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    const estimate = r.events[0]!;
    assert.ok(estimate.type === 'initialEstimate' && estimate.knownFiles === 2, JSON.stringify(estimate));
    const completed = r.events.at(-1)!;
    assert.ok(completed.type === 'completed' && completed.indexedFiles === 2 && completed.discoveredFiles === 6, JSON.stringify(completed));
    assert.deepEqual(snapshot(path.join(dest, 'project')), snapshot(src));
  });

  test('without a terminal the default is skip; a summary is printed', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'a.txt': 'new', 'b.txt': 'b' });
    tree(dest, { 'src/a.txt': 'old' });
    const r = await ferry(['copy', src, dest], env).exited;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(dest, 'src/a.txt'), 'utf8'), 'old');
    assert.match(r.stdout, /Done: 1 file copied .*1 skipped \(1 already there\), 0 failed/);
  });

  test('a per-file failure is reported and the rest is copied: exit 1 (a folder with content in the way of a file)', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'report.txt': 'new', 'fine.txt': 'fine' });
    tree(dest, { 'src/report.txt/keep.me': 'kept' });
    const r = await ferry(['copy', '--overwrite', 'replace', src, dest], env).exited;
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /could not copy .*A folder is in the way.*\(EISDIR\)/);
    assert.match(r.stdout, /1 failed/);
    assert.equal(fs.readFileSync(path.join(dest, 'src', 'fine.txt'), 'utf8'), 'fine');
    assert.equal(fs.readFileSync(path.join(dest, 'src', 'report.txt', 'keep.me'), 'utf8'), 'kept');
    assert.deepEqual(tempLeftovers(dest), []);
  });

  test('keep-both of a 255-byte name shortens its stem to make room for " 2", as Finder does', async () => {
    const { root, env, dest } = setup();
    const long = 'x'.repeat(251) + '.txt';
    const src = tree(path.join(root, 'src'), { [long]: 'new', 'fine.txt': 'fine' });
    tree(dest, { [`src/${long}`]: 'old' });
    const r = await ferry(['copy', '--overwrite', 'keep-both', src, dest], env).exited;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(path.join(dest, 'src', long), 'utf8'), 'old');
    assert.equal(fs.readFileSync(path.join(dest, 'src', 'x'.repeat(249) + ' 2.txt'), 'utf8'), 'new');
    assert.equal(fs.readFileSync(path.join(dest, 'src', 'fine.txt'), 'utf8'), 'fine');
    assert.deepEqual(tempLeftovers(dest), []);
  });

  test('--overwrite prompt without a terminal or --json: one clear line, exit 2, nothing copied', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'a.txt': 'a' });
    const r = await ferry(['copy', '--overwrite', 'prompt', src, dest], env).exited;
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /needs a terminal or --json/);
    assert.deepEqual(fs.readdirSync(dest), []);
  });

  test('refusals: exit 2, nothing written, no job row', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'a.txt': 'a', 'in/b': 'b' });
    const before = snapshot(root);
    for (const args of [[path.join(root, 'missing'), dest], [src, path.join(src, 'in')], [path.join(src, 'a.txt'), src],
      [src, path.join(root, 'no-such-dest')], [src, path.join(src, 'a.txt')], ['--overwrite', 'sideways', src, dest], ['--limit-rate', 'fast', src, dest], [src]]) {
      const r = await ferry(['copy', ...args], env).exited;
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^ferry copy: /);
    }
    const after = snapshot(root);
    delete after['library.db']; delete after['library.db-wal']; delete after['library.db-shm'];
    assert.deepEqual(after, before);
    assert.deepEqual(jobRows(env.FERRY_DB), []);
  });

  test('prompt over --json: the conflict waits while the other files land; bad lines are ignored', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'clash.txt': 'new', ...manyFiles(400) });
    tree(dest, { 'src/clash.txt': 'old' });
    const run = ferry(['copy', '--json', '--overwrite', 'prompt', src, dest], env, { stdin: 'pipe' });
    let landed = -1;
    run.onEvent((e) => {
      if (e.type === 'progress' && landed < 0 && e.copiedFiles === 400) {
        landed = fs.readdirSync(path.join(dest, 'src')).filter((n) => n.startsWith('d')).reduce((n, d) => n + fs.readdirSync(path.join(dest, 'src', d)).length, 0);
        const conflict = run.child.stdin!;
        conflict.write('this is not json\n');
        conflict.write('{"type":"resolve","conflictId":"c1","resolution":"maybe"}\n');
        conflict.write(`${JSON.stringify({ type: 'resolve', conflictId: 'c1', resolution: 'replace', applyToAll: false })}\n`);
        conflict.end();
      }
    });
    const r = await run.exited;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(landed, 400, 'all other files were on disk before the answer');
    assert.equal(r.events.filter((e) => e.type === 'conflict').length, 1);
    assert.equal(fs.readFileSync(path.join(dest, 'src/clash.txt'), 'utf8'), 'new');
    assert.equal(r.stderr.match(/ignored an invalid answer/g)?.length, 2);
  });

  test('stdin closing with a conflict pending ends the job interrupted (exit 3); resume with answers finishes it', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'clash.txt': 'new', 'ok.txt': 'ok' });
    // Another size: a same-size file written in the same millisecond would pass for the resume's own copy.
    tree(dest, { 'src/clash.txt': 'older' });
    const r = await ferry(['copy', '--json', '--overwrite', 'prompt', src, dest], env).exited;
    assert.equal(r.code, 3, r.stderr);
    const completed = r.events.at(-1)!;
    assert.equal(completed.type === 'completed' && completed.status, 'interrupted');
    assert.equal(jobRows(env.FERRY_DB).find((j) => j.kind === 'copy')?.status, 'interrupted');

    const again = ferry(['resume', '--json', completed.jobId], env, { stdin: 'pipe' });
    again.onEvent((e) => {
      if (e.type === 'conflict') {
        again.child.stdin!.end(`${JSON.stringify({ type: 'resolve', conflictId: e.conflictId, resolution: 'keep-both', applyToAll: true })}\n`);
      }
    });
    const r2 = await again.exited;
    assert.equal(r2.code, 0, r2.stderr);
    assert.equal(r2.events[0]!.type, 'resumeDetected');
    assert.equal(fs.readFileSync(path.join(dest, 'src/clash 2.txt'), 'utf8'), 'new');
    assert.equal(fs.readFileSync(path.join(dest, 'src/ok.txt'), 'utf8'), 'ok');
  });

  test('kill -9 mid-copy, then `ferry resume`: identical tree, no temp files', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), manyFiles(6000, 2000));
    // 12 MB at 2 MiB/s: still copying when the first progress arrives, however fast this machine is.
    const run = ferry(['copy', '--json', '--concurrency', '1', '--limit-rate', '2M', src, dest], env);
    let killed = false;
    run.onEvent((e) => {
      if (!killed && e.type === 'progress' && e.copiedFiles > 0) { killed = true; run.child.kill('SIGKILL'); }
    });
    const r = await run.exited;
    assert.equal(r.signal, 'SIGKILL');
    const jobId = r.events[0]!.jobId;
    const copiedBefore = fs.readdirSync(path.join(dest, 'src')).length;
    assert.ok(copiedBefore > 0, 'it had started');

    const resumed = await ferry(['resume', '--json', '--limit-rate', '1G', jobId], env).exited;
    assert.equal(resumed.code, 0, resumed.stderr);
    const detected = resumed.events.find((e) => e.type === 'resumeDetected');
    assert.ok(detected && detected.type === 'resumeDetected');
    assert.deepEqual(snapshot(path.join(dest, 'src')), snapshot(src));
    assert.deepEqual(tempLeftovers(dest), []);
    const completed = resumed.events.at(-1)!;
    assert.ok(completed.type === 'completed' && completed.copiedFiles === 6000 && completed.skippedFiles === 0);
    assert.equal(jobRows(env.FERRY_DB).find((j) => j.id === jobId)?.status, 'completed');
  });

  test('Ctrl-C (SIGINT) interrupts cleanly: exit 3, no temp files, resumable', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), manyFiles(4000, 1000));
    const run = ferry(['copy', '--json', '--concurrency', '1', '--limit-rate', '1M', src, dest], env);
    let sent = false;
    run.onEvent((e) => {
      if (!sent && e.type === 'progress' && e.copiedFiles > 0) { sent = true; run.child.kill('SIGINT'); }
    });
    const r = await run.exited;
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(tempLeftovers(dest), []);
    const jobId = r.events[0]!.jobId;
    assert.equal(jobRows(env.FERRY_DB).find((j) => j.id === jobId)?.status, 'interrupted');
    const resumed = await ferry(['resume', '--limit-rate=1G', jobId.slice(0, 8)], env).exited;
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(snapshot(path.join(dest, 'src')), snapshot(src));
  });

  test('FERRY_BENCH_LOOP_DELAY=1 prints the event-loop delay p99 on stderr', async () => {
    const { root, env, dest } = setup();
    const src = tree(path.join(root, 'src'), { 'a.txt': 'a' });
    const r = await ferry(['copy', src, dest], { ...env, FERRY_BENCH_LOOP_DELAY: '1' }).exited;
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^event-loop-delay-p99-ms: \d+\.\d+$/m);
  });
});
