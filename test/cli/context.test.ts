import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { tempDir, tree } from '../helpers/tree';
import { connectOk } from '../hosts/browser-client';
import { cleanEnv, exitOf, spawnUntilUrl } from '../hosts/serve-process';
import { FERRY, ferry } from '../helpers/ferry-cli';

/** A library file of garbage bytes, with a -wal and -shm beside it, as a crash on a bad disk may leave. */
function garbageLibrary(file: string): void {
  fs.writeFileSync(file, crypto.randomBytes(64 * 1024));
  fs.writeFileSync(`${file}-wal`, crypto.randomBytes(4096));
  fs.writeFileSync(`${file}-shm`, crypto.randomBytes(32 * 1024));
}

/** A real library (a location indexed) whose 100-byte header stays sound and whose pages are overwritten. */
function libraryWithCorruptPages(file: string): void {
  const db = openLibrary(file);
  db.prepare("INSERT INTO jobs (id, kind, status, created_at, updated_at) VALUES ('j', 'index', 'completed', 0, 0)").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const bytes = fs.readFileSync(file);
  crypto.randomFillSync(bytes, 100);
  fs.writeFileSync(file, bytes);
}

function setAsideFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.startsWith('library.db.corrupt-')).sort();
}

for (const [kind, damage] of [['garbage bytes', garbageLibrary], ['a sound header and corrupt pages', libraryWithCorruptPages]] as const) {
  test(`a library of ${kind} is set aside byte for byte, a fresh one is started and said so in one line; ferry locations and ferry copy work`, () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    damage(file);
    const before = new Map(['', '-wal', '-shm'].filter((s) => fs.existsSync(file + s)).map((s) => [s, fs.readFileSync(file + s)]));
    const env = { ...process.env, FERRY_DB: file };

    const listed = ferry(['locations'], env);
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stderr.trim().split('\n');
    assert.equal(lines.length, 1, listed.stderr);
    assert.match(lines[0]!, /^ferry: the library database .*library\.db was damaged \(.+\); it is kept, unchanged, as .*library\.db\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ, and a fresh library was started/);
    assert.doesNotMatch(listed.stderr, /\n\s+at /, 'no stack trace');

    const kept = setAsideFiles(dir);
    const main = kept.find((n) => !n.endsWith('-wal') && !n.endsWith('-shm'))!;
    assert.ok(main, `set aside: ${kept.join(', ')}`);
    assert.ok(lines[0]!.includes(path.join(dir, main)), 'the line names where the old library is');
    for (const [suffix, bytes] of before) {
      // The -shm is SQLite's shared-memory index of the WAL, rewritten by any connection that opens the file
      // (it holds no data of its own): it is kept beside them, the library and its WAL byte for byte.
      if (suffix === '-shm') assert.ok(fs.existsSync(path.join(dir, main + suffix)), `${main}-shm kept`);
      else assert.ok(fs.readFileSync(path.join(dir, main + suffix)).equals(bytes), `${main}${suffix} is byte-identical`);
    }
    assert.equal(fs.existsSync(`${file}-wal`) && fs.readFileSync(`${file}-wal`).equals(before.get('-wal') ?? Buffer.alloc(0)), false,
      'the old WAL is not left beside the fresh library');

    const src = tree(path.join(dir, 'src'), { 'a.txt': 'alpha', 'sub/b.txt': 'beta' });
    const dest = path.join(dir, 'dest');
    fs.mkdirSync(dest);
    const copied = ferry(['copy', src, dest], env);
    assert.equal(copied.code, 0, copied.stderr);
    assert.equal(fs.readFileSync(path.join(dest, 'src/sub/b.txt'), 'utf8'), 'beta');
    assert.equal(copied.stderr.includes('damaged'), false, 'the fresh library is sound: nothing more to say');
    assert.deepEqual(setAsideFiles(dir), kept, 'set aside once');
  });
}

test('a second damaged library in the same second is kept under another name: nothing set aside is overwritten', () => {
  const dir = tempDir();
  const file = path.join(dir, 'library.db');
  const first = crypto.randomBytes(8192);
  const second = crypto.randomBytes(8192);
  fs.writeFileSync(file, first);
  const one = openLibrary(file, { onDamaged: () => {} });
  one.close();
  fs.writeFileSync(file, second);
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
  // Same second or not, the two copies keep their own bytes.
  const names: string[] = [];
  const again = openLibrary(file, { onDamaged: (n) => names.push(n.keptAs) });
  again.close();
  const kept = setAsideFiles(dir).filter((n) => !n.endsWith('-wal') && !n.endsWith('-shm'));
  assert.equal(kept.length, 2, kept.join(', '));
  const contents = kept.map((n) => fs.readFileSync(path.join(dir, n)));
  assert.ok(contents.some((b) => b.equals(first)) && contents.some((b) => b.equals(second)));
  assert.equal(names.length, 1);
});

test('ferry serve on a damaged library sets it aside, says so in one line, and serves a fresh library', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'library.db');
  garbageLibrary(file);
  const { child, url, stderr } = await spawnUntilUrl([FERRY, 'serve', '--port', '0', '--allow-root', '--db', file], cleanEnv({}));
  try {
    // Written before the address, but the two pipes are read apart: wait for it.
    for (let i = 0; i < 100 && !stderr().includes('\n'); i++) await new Promise((r) => setTimeout(r, 50));
    const lines = stderr().trim().split('\n');
    assert.equal(lines.length, 1, stderr());
    assert.match(lines[0]!, /^ferry: the library database .* was damaged .*a fresh library was started/);
    const client = await connectOk(Number(url.port), url.searchParams.get('token')!);
    assert.deepEqual(await client.ok('listLocations', {}), []);
    client.close();
    assert.equal(setAsideFiles(dir).filter((n) => !n.endsWith('-wal') && !n.endsWith('-shm')).length, 1);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exitOf(child), 0);
});
