import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { processTask, tempPathFor, tempPrefixFor } from '../../src/main/engine/copy/file-copy';
import type { BatchSettings, CopyTask } from '../../src/main/engine/copy/copy-protocol';
import { decodeName } from '../../src/main/engine/fs/byte-names';
import { tempDir, tree } from '../helpers/tree';

const JOB = '1234abcd-0000-4000-8000-000000000000';

function settings(dest: string, extra: Partial<BatchSettings> = {}): BatchSettings {
  return { dest, mode: 'replace', resume: false, tempPrefix: tempPrefixFor(JOB), ...extra };
}

test('a copy keeps mode and times (to the microsecond) and leaves no temp file', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'x.sh': { content: 'run', mode: 0o751, mtime: new Date('2021-05-06T07:08:09.123Z') } });
  const dest = fs.mkdirSync(path.join(root, 'd'), { recursive: true })!;
  const out = processTask({ source: path.join(src, 'x.sh'), rel: 's/x.sh', kind: 'file', hint: 'unknown' }, settings(dest));
  assert.equal(out.o, 'copied');
  const a = fs.statSync(path.join(src, 'x.sh'), { bigint: true });
  const b = fs.statSync(path.join(dest, 's/x.sh'), { bigint: true });
  assert.equal(b.mode & 0o7777n, 0o751n);
  assert.equal(b.mtimeNs / 1000n, a.mtimeNs / 1000n);
  assert.deepEqual(fs.readdirSync(path.join(dest, 's')), ['x.sh']);
});

test('a copy says which folders it made: a file its missing folders (up to the first there), a folder itself and those above', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'a/b/f.txt': 'f', 'a/b/g.txt': 'g', 'c/d/e': { dir: true } });
  const dest = tree(path.join(root, 'd'), { 's/old.txt': 'o' });
  const file = (rel: string) => processTask({ source: path.join(src, rel), rel: `s/${rel}`, kind: 'file', hint: 'unknown' }, settings(dest));
  const folder = (rel: string) => processTask({ source: path.join(src, rel), rel: `s/${rel}`, kind: 'dir', hint: 'unknown' }, settings(dest));
  // The file arrived before its folders' own items: it made s/a and s/a/b.
  assert.equal((file('a/b/f.txt') as { madeFolders?: number }).madeFolders, 2);
  assert.equal((file('a/b/g.txt') as { madeFolders?: number }).madeFolders, undefined);
  // Their items come now: folders there, made by nobody here.
  assert.deepEqual([folder('a'), folder('a/b')].map((o) => [o.o, (o as { madeFolders?: number }).madeFolders]), [['dir', undefined], ['dir', undefined]]);
  // A folder whose parent is missing makes both (as a hint that says "absent" leads it to).
  const deep = processTask({ source: path.join(src, 'c/d/e'), rel: 's/c/d/e', kind: 'dir', hint: null }, settings(dest));
  assert.equal((deep as { madeFolders?: number }).madeFolders, 3);
  // A stale hint ("absent") over a folder that is there: mkdir made nothing, and says so.
  const stale = processTask({ source: path.join(src, 'c/d'), rel: 's/c/d', kind: 'dir', hint: null }, settings(dest));
  assert.deepEqual([stale.o, (stale as { madeFolders?: number }).madeFolders], ['dir', undefined]);
});

test('a resumed run overwrites its own leftover temp file, and removes the leftover of a vanished file', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'a.txt': 'complete' });
  const dest = tree(path.join(root, 'd'), { 's/keep': 'k' });
  const leftover = tempPathFor(path.join(dest, 's/a.txt'), tempPrefixFor(JOB));
  fs.writeFileSync(leftover, 'half');
  const gone = tempPathFor(path.join(dest, 's/gone.txt'), tempPrefixFor(JOB));
  fs.writeFileSync(gone, 'half of a vanished file');
  const s = settings(dest, { resume: true });
  assert.equal(processTask({ source: path.join(src, 'a.txt'), rel: 's/a.txt', kind: 'file', hint: 'unknown' }, s).o, 'copied');
  const v = processTask({ source: path.join(src, 'gone.txt'), rel: 's/gone.txt', kind: 'file', hint: 'unknown' }, s);
  assert.deepEqual(v, { o: 'skipped', reason: 'vanished', size: 0, existed: false });
  assert.deepEqual(fs.readdirSync(path.join(dest, 's')).sort(), ['a.txt', 'keep']);
  assert.equal(fs.readFileSync(path.join(dest, 's/a.txt'), 'utf8'), 'complete');
});

/** A file `s/f` modified at `when` (`touch -d`: to the nanosecond), copied once; its task, and what a resume says of it. */
function copiedOnce(when: string) {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'f': 'bytes' });
  const dest = fs.mkdirSync(path.join(root, 'd'), { recursive: true })!;
  const file = path.join(src, 'f');
  execFileSync('touch', ['-m', '-d', when, file]);
  const task = () => ({ source: file, rel: 's/f', kind: 'file' as const, hint: 'unknown' as const });
  assert.equal(processTask(task(), settings(dest)).o, 'copied');
  const resumed = (checkpointed: boolean) => processTask(checkpointed ? { ...task(), doneBefore: { destRel: 's/f' } } : task(),
    settings(dest, { mode: 'prompt', resume: true }));
  return { file, copy: path.join(dest, 's/f'), task, dest, resumed };
}

const ALREADY = { o: 'already', size: 5, destRel: 's/f' };

test('a resume knows its own copy of a file whose mtime is a few hundred ns before a millisecond', () => {
  // The copy's time is the source's rounded to the microsecond (utimes' resolution), here 0.2 µs later:
  // on the next millisecond. Whole milliseconds on both sides would differ by one and ask the user.
  const c = copiedOnce('@1796161191.708999800');
  assert.equal(fs.statSync(c.file, { bigint: true }).mtimeNs % 1_000_000_000n, 708_999_800n, 'touch set the nanoseconds');
  assert.deepEqual(c.resumed(false), ALREADY, 'copied, not yet checkpointed');
  assert.deepEqual(c.resumed(true), ALREADY, 'checkpointed');
});

test('a resume does not take a file of the same size and time but other bytes, there before the job, for its own copy', () => {
  const c = copiedOnce('@1796161191.708999800');
  const { mtime } = fs.statSync(c.copy);
  fs.writeFileSync(c.copy, 'BYTES'); // what was there before the job, of the same size
  fs.utimesSync(c.copy, mtime, mtime);
  assert.equal(c.resumed(false).o, 'conflict', 'asked, as it would have been without a resume');
  assert.equal(processTask(c.task(), settings(c.dest, { mode: 'replace', resume: true })).o, 'copied', 'replace replaces it');
  assert.equal(fs.readFileSync(c.copy, 'utf8'), 'bytes');
});

test('a copy on a filesystem that keeps whole seconds is known as such: by a resume, and by skip-newer', () => {
  // What HFS+, FAT or ext3 keep of the copy's time: the second (here set by hand, on this machine's filesystem).
  const c = copiedOnce('@1796161191.708999800');
  execFileSync('touch', ['-m', '-d', '@1796161191', c.copy]);
  assert.deepEqual(c.resumed(false), ALREADY);
  assert.deepEqual(c.resumed(true), ALREADY);
  assert.equal(processTask(c.task(), settings(c.dest, { mode: 'skip-newer' })).o, 'skipped', 'a second run does not copy it again');
  execFileSync('touch', ['-m', '-d', '@1796161188', c.copy]);
  assert.equal(c.resumed(false).o, 'conflict', 'three seconds older: not its copy');
  assert.equal(processTask(c.task(), settings(c.dest, { mode: 'skip-newer' })).o, 'copied');
});

test('replace swaps in the new file whole: the old one is never truncated first', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'f': 'new content' });
  const dest = tree(path.join(root, 'd'), { 's/f': 'old content' });
  const before = fs.statSync(path.join(dest, 's/f')).ino;
  const fd = fs.openSync(path.join(dest, 's/f'), 'r');
  processTask({ source: path.join(src, 'f'), rel: 's/f', kind: 'file', hint: 'unknown' }, settings(dest));
  // A reader holding the old file still sees it whole: it was replaced by rename, not rewritten.
  assert.equal(fs.readFileSync(fd, 'utf8'), 'old content');
  fs.closeSync(fd);
  assert.notEqual(fs.statSync(path.join(dest, 's/f')).ino, before);
  assert.equal(fs.readFileSync(path.join(dest, 's/f'), 'utf8'), 'new content');
});

test('failures are typed values: a name too long, a file in the way of a folder', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'ok': 'x', 'sub/inner': 'y' });
  const dest = tree(path.join(root, 'd'), { 's/sub': 'a file where a folder goes' });
  const long = processTask({ source: path.join(src, 'ok'), rel: `s/${'n'.repeat(300)}`, kind: 'file', hint: 'unknown' }, settings(dest));
  assert.equal(long.o === 'failed' && long.code, 'ENAMETOOLONG');
  const blocked = processTask({ source: path.join(src, 'sub/inner'), rel: 's/sub/inner', kind: 'file', hint: 'unknown' }, settings(dest));
  assert.equal(blocked.o === 'failed' && blocked.code, 'ENOTDIR');
  const skipped = processTask({ source: path.join(src, 'sub/inner'), rel: 's/sub/inner', kind: 'file', hint: 'unknown' }, settings(dest, { mode: 'skip' }));
  assert.equal(skipped.o, 'skipped');
  assert.equal(fs.readFileSync(path.join(dest, 's/sub'), 'utf8'), 'a file where a folder goes');
});

test('temp names: the file name itself where it fits, a digest near the length limit; always deterministic', () => {
  const prefix = tempPrefixFor(JOB);
  assert.equal(tempPathFor('/d/sub/photo 1.jpg', prefix), `/d/sub/${prefix}photo 1.jpg.tmp`);
  const long = 'é'.repeat(120); // 240 bytes: fits as a name, not with the prefix
  const temp = tempPathFor(`/d/${long}`, prefix);
  assert.match(path.basename(temp), new RegExp(`^${prefix.replace(/[.]/g, '\\.')}#[0-9a-f]{16}\\.tmp$`));
  assert.equal(tempPathFor(`/d/${long}`, prefix), temp, 'the same name gives the same temp name (resume finds it)');
  assert.notEqual(tempPathFor(`/d/${long}x`, prefix), temp);
  for (const name of ['a', 'x'.repeat(235), 'x'.repeat(236), 'x'.repeat(255)]) {
    assert.ok(Buffer.byteLength(path.basename(tempPathFor(`/d/${name}`, prefix))) <= 255, `${name.length}`);
  }
});

test('a kinds-only hint (size and mtime unread) is enough to skip, never to judge ages or show a conflict', () => {
  const root = tempDir();
  const old = new Date('2020-01-01T00:00:00Z');
  const src = tree(path.join(root, 's'), { f: { content: 'newer source', mtime: new Date('2022-01-01T00:00:00Z') } });
  const dest = tree(path.join(root, 'd'), { 's/f': { content: 'old', mtime: old } });
  const task = () => ({ source: path.join(src, 'f'), rel: 's/f', kind: 'file' as const, hint: { kind: 'file' as const, size: NaN, mtimeMs: NaN } });
  assert.equal(processTask(task(), settings(dest, { mode: 'skip' })).o, 'skipped');
  const asked = processTask(task(), settings(dest, { mode: 'prompt' }));
  assert.equal(asked.o, 'conflict');
  assert.equal(asked.o === 'conflict' && asked.destSize, 3, 'the modal shows the real size, read from disk');
  assert.equal(asked.o === 'conflict' && asked.destModified, old.getTime());
  assert.equal(processTask(task(), settings(dest, { mode: 'skip-newer' })).o, 'copied', 'an older destination is replaced');
  assert.equal(fs.readFileSync(path.join(dest, 's/f'), 'utf8'), 'newer source');
});

test('a name that is not valid UTF-8 (b"\\xff\\xfe.txt") is copied exactly: a file and a symlink, bytes of names and content', () => {
  const root = tempDir();
  const src = path.join(root, 's');
  const dest = path.join(root, 'd');
  fs.mkdirSync(src);
  fs.mkdirSync(dest);
  const raw = Buffer.from([0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74]); // \xff\xfe.txt
  const rawLink = Buffer.concat([Buffer.from('link-'), raw]);
  const content = Buffer.from([0, 1, 2, 0xff, 0xfe, 3]);
  fs.writeFileSync(Buffer.concat([Buffer.from(`${src}/`), raw]), content);
  fs.symlinkSync(raw, Buffer.concat([Buffer.from(`${src}/`), rawLink])); // its target: the same bytes
  const name = decodeName(raw);
  const linkName = decodeName(rawLink);
  assert.ok(name.includes('\udcff'), 'the escaped string the walks produce');
  for (const n of [name, linkName]) {
    const out = processTask({ source: `${src}/${n}`, rel: `s/${n}`, kind: 'file', hint: 'unknown' }, settings(dest));
    assert.equal(out.o, 'copied', JSON.stringify(out));
  }
  const names = fs.readdirSync(Buffer.from(path.join(dest, 's')), { encoding: 'buffer' }).map((b) => b.toString('hex')).sort();
  assert.deepEqual(names, [raw.toString('hex'), rawLink.toString('hex')].sort(), 'exactly the two names, no temp left');
  assert.deepEqual(fs.readFileSync(Buffer.concat([Buffer.from(`${dest}/s/`), raw])), content);
  assert.deepEqual(fs.readlinkSync(Buffer.concat([Buffer.from(`${dest}/s/`), rawLink]), { encoding: 'buffer' }), raw);
});

test('temp names measure a name that is not UTF-8 by its bytes on disk', () => {
  const prefix = tempPrefixFor(JOB);
  const name = decodeName(Buffer.alloc(200, 0xff)); // 200 bytes on disk (600 as UTF-8 of its escapes)
  assert.equal(tempPathFor(`/d/${name}`, prefix), `/d/${prefix}${name}.tmp`, 'it fits: the plain temp name');
  const long = decodeName(Buffer.alloc(240, 0xff));
  const temp = tempPathFor(`/d/${long}`, prefix);
  assert.match(path.basename(temp), /#[0-9a-f]{16}\.tmp$/);
  assert.notEqual(tempPathFor(`/d/${decodeName(Buffer.alloc(240, 0xfe))}`, prefix), temp, 'the digest is of the bytes');
});

test('a resume removes its temp file whatever the outcome: already copied, skipped, asked about', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { 'done.bin': 'complete', 'kept.bin': 'new', 'asked.bin': 'newer' });
  const dest = fs.mkdirSync(path.join(root, 'd'), { recursive: true })!;
  const task = (name: string, extra: Partial<CopyTask> = {}): CopyTask =>
    ({ source: path.join(src, name), rel: `s/${name}`, kind: 'file', hint: 'unknown', ...extra });
  assert.equal(processTask(task('done.bin'), settings(dest)).o, 'copied');
  tree(dest, { 's/kept.bin': 'older', 's/asked.bin': 'old' }); // sizes differ from the sources: not their copies
  // An interrupted run's leftovers (a worker ended in the middle of each file).
  const leftovers = ['done.bin', 'kept.bin', 'asked.bin'].map((n) => tempPathFor(path.join(dest, 's', n), tempPrefixFor(JOB)));
  for (const l of leftovers) fs.writeFileSync(l, 'half');
  assert.equal(processTask(task('done.bin'), settings(dest, { resume: true })).o, 'already');
  assert.equal(processTask(task('done.bin', { doneBefore: { destRel: 's/done.bin' } }), settings(dest, { resume: true })).o, 'already');
  assert.equal(processTask(task('kept.bin'), settings(dest, { resume: true, mode: 'skip' })).o, 'skipped');
  assert.equal(processTask(task('asked.bin'), settings(dest, { resume: true, mode: 'prompt' })).o, 'conflict');
  assert.deepEqual(fs.readdirSync(path.join(dest, 's')).sort(), ['asked.bin', 'done.bin', 'kept.bin']);
  assert.equal(fs.readFileSync(path.join(dest, 's/kept.bin'), 'utf8'), 'older', 'the file at the destination untouched');
});
