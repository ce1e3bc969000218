import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renameItem } from '../../src/main/engine/ops/rename-item';
import { FerryError } from '../../src/shared/errors';
import { mountCaseInsensitiveFs, type CaseInsensitiveFs } from '../helpers/case-insensitive-fs';
import { emptyDir, snapshot, symlink, tempDir, tree } from '../helpers/tree';

/** The tree as text: a file's content, "dir", or "-> target" for a link. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(dir)).map(([rel, e]) => [rel,
    e.kind === 'file' ? Buffer.from(e.content ?? '', 'base64').toString() : e.kind === 'symlink' ? `-> ${e.target}` : e.kind]));
}

async function refusal(p: string, name: string): Promise<FerryError> {
  try {
    await renameItem(p, name);
  } catch (err) {
    assert.ok(err instanceof FerryError, String(err));
    return err;
  }
  assert.fail(`renaming ${p} to ${JSON.stringify(name)} was not refused`);
}

test('renames a file in its folder and returns the new path', async () => {
  const dir = tree(tempDir(), { 'a.txt': 'A', 'sub/b.txt': 'B' });
  assert.equal(await renameItem(path.join(dir, 'a.txt'), 'c.txt'), path.join(dir, 'c.txt'));
  assert.equal(await renameItem(path.join(dir, 'sub'), 'folder'), path.join(dir, 'folder'));
  assert.deepEqual(contents(dir), { 'c.txt': 'A', 'folder': 'dir', 'folder/b.txt': 'B' });
});

test('every refusal changes nothing on disk, and says why', async () => {
  const dir = tree(tempDir(), { 'a.txt': 'A', 'b.txt': 'B', 'sub': emptyDir() });
  const before = snapshot(dir);
  const table: Array<[string, string, RegExp]> = [
    ['', 'INVALID_INPUT', /cannot be empty/],
    ['.', 'INVALID_INPUT', /reserved/],
    ['..', 'INVALID_INPUT', /reserved/],
    ['x/y', 'INVALID_INPUT', /“\/”/],
    ['x\0y', 'INVALID_INPUT', /NUL/],
    ['n'.repeat(256), 'INVALID_INPUT', /too long/],
    ['b.txt', 'EEXIST', /“b\.txt” already exists/],
    ['sub', 'EEXIST', /“sub” already exists/],
  ];
  for (const [name, code, message] of table) {
    const err = await refusal(path.join(dir, 'a.txt'), name);
    assert.equal(err.code, code, JSON.stringify(name));
    assert.match(err.message, message, JSON.stringify(name));
  }
  assert.deepEqual(snapshot(dir), before);
  const missing = await refusal(path.join(dir, 'gone.txt'), 'x.txt');
  assert.equal(missing.code, 'SOURCE_NOT_FOUND');
  assert.equal((await refusal('/', 'x')).code, 'INVALID_INPUT');
});

test('the same name is no change; a symlink is renamed, never its target', async () => {
  const dir = tree(tempDir(), { 'a.txt': 'A', 'link': symlink('a.txt') });
  assert.equal(await renameItem(path.join(dir, 'a.txt'), 'a.txt'), path.join(dir, 'a.txt'));
  await renameItem(path.join(dir, 'link'), 'link2');
  assert.deepEqual(contents(dir), { 'a.txt': 'A', 'link2': '-> a.txt' });
});

test('on a case-sensitive file system a case-only rename is a plain rename, and another spelling that exists is taken', async () => {
  const dir = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b', 'B.TXT': 'B' });
  await renameItem(path.join(dir, 'a.txt'), 'A.txt');
  assert.equal((await refusal(path.join(dir, 'b.txt'), 'B.TXT')).code, 'EEXIST');
  assert.deepEqual(contents(dir), { 'A.txt': 'a', 'b.txt': 'b', 'B.TXT': 'B' });
});

test('a hard link spelled differently is a second entry: refused, and the item stays where it was', async () => {
  const dir = tree(tempDir(), { 'a.txt': 'same' });
  fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'A.txt'));
  assert.equal((await refusal(path.join(dir, 'a.txt'), 'A.txt')).code, 'EEXIST');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['A.txt', 'a.txt']);
});

describe('on a real case-insensitive file system (vfat, else NTFS through ntfs-3g with ignore_case)', () => {
  let mounted: CaseInsensitiveFs = { skip: 'not mounted yet' };
  const stored = () => ('skip' in mounted ? [] : mounted.storedNames().filter((n) => !n.startsWith('$')));
  let mountPoint = '';
  let skip: string | false = false;
  before(() => {
    mounted = mountCaseInsensitiveFs();
    if ('skip' in mounted) skip = mounted.skip;
    else mountPoint = mounted.dir;
  });
  after(() => { if (!('skip' in mounted)) mounted.unmount(); });

  test('the file system is case-insensitive: both spellings resolve to one entry', (t) => {
    if (skip) return t.skip(skip);
    fs.writeFileSync(path.join(mountPoint, 'probe.txt'), 'p');
    assert.equal(fs.statSync(path.join(mountPoint, 'PROBE.TXT')).ino, fs.statSync(path.join(mountPoint, 'probe.txt')).ino);
    fs.unlinkSync(path.join(mountPoint, 'probe.txt'));
  });

  test('a case-only rename goes through a temporary name and lands with the new spelling', async (t) => {
    if (skip) return t.skip(skip);
    fs.writeFileSync(path.join(mountPoint, 'report.txt'), 'R');
    fs.mkdirSync(path.join(mountPoint, 'photos'));
    assert.equal(await renameItem(path.join(mountPoint, 'report.txt'), 'Report.TXT'), path.join(mountPoint, 'Report.TXT'));
    await renameItem(path.join(mountPoint, 'photos'), 'Photos');
    assert.deepEqual(stored(), ['Photos', 'Report.TXT']);
    assert.equal(fs.readFileSync(path.join(mountPoint, 'Report.TXT'), 'utf8'), 'R');
  });

  test('another file with the same name in another case is taken, as the file system sees it', async (t) => {
    if (skip) return t.skip(skip);
    fs.writeFileSync(path.join(mountPoint, 'one.txt'), '1');
    fs.writeFileSync(path.join(mountPoint, 'two.txt'), '2');
    assert.equal((await refusal(path.join(mountPoint, 'one.txt'), 'TWO.txt')).code, 'EEXIST');
    assert.equal(fs.readFileSync(path.join(mountPoint, 'two.txt'), 'utf8'), '2');
    assert.equal(fs.readFileSync(path.join(mountPoint, 'one.txt'), 'utf8'), '1');
  });
});
