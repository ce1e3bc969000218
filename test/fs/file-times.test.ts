import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { setTimesNs, setTimesNsAsync, timesPrecision } from '../../src/main/engine/fs/file-times';
import { decodeName, fsPath } from '../../src/main/engine/fs/byte-names';
import { tempDir } from '../helpers/tree';

/** Times with odd nanoseconds, made by touch(1) (not by the code under test) on a reference file. */
function touchedTimes(dir: string): { atimeNs: bigint; mtimeNs: bigint } {
  const ref = path.join(dir, 'reference');
  fs.writeFileSync(ref, '');
  execFileSync('touch', ['-m', '-d', '@1733400000.123456789', ref]);
  execFileSync('touch', ['-a', '-d', '@1733300000.987654321', ref]);
  const st = fs.statSync(ref, { bigint: true });
  assert.equal(st.mtimeNs, 1733400000123456789n, 'this file system keeps nanoseconds');
  return { atimeNs: st.atimeNs, mtimeNs: st.mtimeNs };
}

const lstatNs = (p: string | Buffer) => {
  const st = fs.lstatSync(p, { bigint: true });
  return { atimeNs: st.atimeNs, mtimeNs: st.mtimeNs };
};

test('the native addon is built and loaded: times are set to the nanosecond', () => {
  assert.deepEqual(timesPrecision(), { unit: 'ns', reason: '' });
});

test('a file, a folder and a name that is not UTF-8 get exactly the nanoseconds given', () => {
  const dir = tempDir();
  const want = touchedTimes(dir);
  const file = path.join(dir, 'file.txt');
  fs.writeFileSync(file, 'x');
  const folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  const rawName = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xff, 0xfe]), Buffer.from('.bin')]);
  fs.writeFileSync(rawName, 'y');
  const escaped = dir + '/' + decodeName(Buffer.from([0xff, 0xfe])) + '.bin';

  setTimesNs(file, want.atimeNs, want.mtimeNs);
  setTimesNs(folder, want.atimeNs, want.mtimeNs);
  setTimesNs(escaped, want.atimeNs, want.mtimeNs); // the escaped string, as the engine holds it
  assert.deepEqual(lstatNs(file), want);
  assert.deepEqual(lstatNs(folder), want);
  assert.deepEqual(lstatNs(rawName), want);

  const other = { atimeNs: want.atimeNs + 1n, mtimeNs: want.mtimeNs + 1n };
  setTimesNs(fsPath(escaped), other.atimeNs, other.mtimeNs); // and its bytes, as fsPath gives them
  assert.deepEqual(lstatNs(rawName), other);
});

test('a symlink gets its own times; its target is untouched', () => {
  const dir = tempDir();
  const want = touchedTimes(dir);
  const target = path.join(dir, 'target');
  fs.writeFileSync(target, 't');
  fs.utimesSync(target, 1000, 2000);
  const before = lstatNs(target);
  const link = path.join(dir, 'link');
  fs.symlinkSync('target', link);
  setTimesNs(link, want.atimeNs, want.mtimeNs, true);
  assert.deepEqual(lstatNs(link), want);
  assert.deepEqual(lstatNs(target), before);
});

test('setTimesNsAsync sets exact times too, and both fail as fs does (ENOENT with the path)', async () => {
  const dir = tempDir();
  const want = touchedTimes(dir);
  const folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  await setTimesNsAsync(folder, want.atimeNs, want.mtimeNs);
  assert.deepEqual(lstatNs(folder), want);
  const missing = path.join(dir, 'missing');
  assert.throws(() => setTimesNs(missing, 1n, 1n), { code: 'ENOENT', syscall: 'utimensat', path: missing });
  await assert.rejects(setTimesNsAsync(missing, 1n, 1n), { code: 'ENOENT', path: missing });
});

test('the addon loads in worker threads (the copy workers) and sets exact times there', async () => {
  const dir = tempDir();
  const want = touchedTimes(dir);
  const files = [0, 1].map((i) => path.join(dir, `w${i}`));
  for (const f of files) fs.writeFileSync(f, '');
  const module = require.resolve('../../src/main/engine/fs/file-times');
  const runs = files.map((f) => new Promise<string>((resolve, reject) => {
    const w = new Worker(`const { parentPort, workerData: d } = require('node:worker_threads');
      const t = require(d.module);
      t.setTimesNs(d.file, d.a, d.m);
      parentPort.postMessage(t.timesPrecision().unit);`,
    { eval: true, workerData: { module, file: f, a: want.atimeNs, m: want.mtimeNs } });
    w.once('message', resolve);
    w.once('error', reject);
  }));
  assert.deepEqual(await Promise.all(runs), ['ns', 'ns']);
  for (const f of files) assert.deepEqual(lstatNs(f), want);
});

test('without the addon, times fall back to microseconds with one note, not a crash', () => {
  const dir = tempDir();
  const want = touchedTimes(dir);
  const file = path.join(dir, 'file');
  fs.writeFileSync(file, '');
  const module = require.resolve('../../src/main/engine/fs/file-times');
  const script = `const t = require(${JSON.stringify(module)});
    t.setTimesNs(${JSON.stringify(file)}, ${want.atimeNs}n, ${want.mtimeNs}n);
    t.setTimesNs(${JSON.stringify(file)}, ${want.atimeNs}n, ${want.mtimeNs}n);
    process.stdout.write(t.timesPrecision().unit);`;
  const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, FERRY_NATIVE_TIMES: '0' }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'us');
  assert.equal(r.stderr.match(/kept to the microsecond only/g)?.length, 1, r.stderr);
  assert.equal(lstatNs(file).mtimeNs, 1733400000123457000n, "the nearest microsecond");
});
