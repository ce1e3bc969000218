import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FolderListings } from '../../src/main/engine/fs/list-folder';
import { FerryError } from '../../src/shared/errors';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';
import { listAll } from './listings';
import { codeOf } from '../helpers/error-code';

const listings = new FolderListings();
/** Every entry of a folder, read page by page (small pages, so even these small folders span several). */
const listFolder = (folder: string) => listAll(listings, folder, { first: 3, pageSize: 4 });

const isRoot = process.getuid?.() === 0;

test('lists a folder: folders first, then names in natural order, symlinks never followed', async () => {
  const dir = tree(tempDir(), {
    'file 10.txt': '1234567890',
    'file 2.txt': 'ab',
    'Zeta': emptyDir(),
    'alpha': emptyDir(),
    '.hidden': 'h',
    'link-to-dir': symlink('alpha'),
    'dangling': symlink('nowhere'),
    'per%cent_under\\back "quote" ünï 😀': 'odd',
    'new\nline': 'n',
  });
  const listing = await listFolder(dir);
  assert.equal(listing.path, dir);
  assert.equal(listing.parent, path.dirname(dir));
  assert.deepEqual(listing.entries.map((e) => e.name), [
    'alpha', 'Zeta', '.hidden', 'dangling', 'file 2.txt', 'file 10.txt', 'link-to-dir', 'new\nline',
    'per%cent_under\\back "quote" ünï 😀',
  ]);
  const byName = new Map(listing.entries.map((e) => [e.name, e]));
  assert.equal(byName.get('alpha')!.kind, 'dir');
  assert.equal(byName.get('link-to-dir')!.kind, 'symlink');
  assert.equal(byName.get('dangling')!.kind, 'symlink');
  assert.equal(byName.get('file 10.txt')!.size, 10);
  assert.equal(byName.get('file 10.txt')!.kind, 'file');
  assert.equal('path' in byName.get('file 10.txt')!, false, 'the path is folder + name: not sent');
  assert.equal(byName.get('.hidden')!.hidden, true);
  assert.equal(byName.get('alpha')!.hidden, false);
  assert.equal(byName.get('alpha')!.size, 0, 'folders have no size of their own in a listing');
  const st = fs.statSync(path.join(dir, 'file 2.txt'));
  assert.equal(byName.get('file 2.txt')!.mtimeMs, st.mtimeMs);
  assert.equal(byName.get('file 2.txt')!.ino, st.ino, 'the inode: a rename seen by a watch keeps it');
  assert.equal(byName.get('link-to-dir')!.ino, fs.lstatSync(path.join(dir, 'link-to-dir')).ino, 'the link\'s own, not its target\'s');
});

test('the root folder has no parent', async () => {
  const listing = await listFolder('/');
  assert.equal(listing.path, '/');
  assert.equal(listing.parent, null);
  assert.ok(listing.entries.length > 0);
});

test('an empty folder lists nothing; a path with .. is normalised', async () => {
  const dir = tree(tempDir(), { 'sub/empty': emptyDir() });
  const listing = await listFolder(path.join(dir, 'sub', '..', 'sub', 'empty'));
  assert.equal(listing.path, path.join(dir, 'sub', 'empty'));
  assert.deepEqual(listing.entries, []);
});


test('errors are typed: missing folder, a file, a relative path, a page size below one', async () => {
  const dir = tree(tempDir(), { 'f.txt': 'x' });
  assert.equal(await codeOf(listFolder(path.join(dir, 'missing'))), 'ENOENT');
  assert.equal(await codeOf(listFolder(path.join(dir, 'f.txt'))), 'ENOTDIR');
  assert.equal(await codeOf(listFolder('relative/path')), 'INVALID_INPUT');
  assert.equal(await codeOf(listings.list(dir, 0)), 'INVALID_INPUT');
  try {
    await listFolder(path.join(dir, 'missing'));
  } catch (err) {
    assert.equal((err as FerryError).path, path.join(dir, 'missing'));
  }
});

test('an unreadable folder is EACCES', { skip: isRoot && 'root reads every folder' }, async () => {
  const dir = tree(tempDir(), { 'locked/f': 'x' });
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  try {
    assert.equal(await codeOf(listFolder(path.join(dir, 'locked'))), 'EACCES');
  } finally {
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
  }
});

test('lists 20,000 entries, each once and in order', async () => {
  const dir = tempDir();
  for (let i = 0; i < 20_000; i++) fs.writeFileSync(path.join(dir, `f${i}`), '');
  fs.mkdirSync(path.join(dir, 'zz-dir'));
  const listing = await listAll(listings, dir, { first: 300, pageSize: 5_000 });
  assert.deepEqual(listing.pages, [300, 5_000, 5_000, 5_000, 4_701]);
  assert.equal(listing.total, 20_001);
  assert.equal(listing.entries.length, 20_001);
  assert.equal(listing.entries[0]!.name, 'zz-dir');
  assert.equal(listing.entries[1]!.name, 'f0');
  assert.equal(listing.entries[2]!.name, 'f1');
  assert.equal(listing.entries[3]!.name, 'f2');
  assert.equal(listing.entries.at(-1)!.name, 'f19999');
  assert.equal(new Set(listing.entries.map((e) => e.name)).size, 20_001);
});

test('a regular file with an execute bit is listed as executable (its icon says program); others are not', async () => {
  const dir = tree(tempDir(), { 'run-me': '#!/bin/sh\n', 'notes': 'n', 'bin': emptyDir(), 'to-run': symlink('run-me') });
  fs.chmodSync(path.join(dir, 'run-me'), 0o755);
  fs.chmodSync(path.join(dir, 'bin'), 0o755);
  const byName = new Map((await listFolder(dir)).entries.map((e) => [e.name, e]));
  assert.equal(byName.get('run-me')!.executable, true);
  assert.equal(byName.get('notes')!.executable, undefined);
  assert.equal(byName.get('bin')!.executable, undefined, 'a folder is not a program');
  assert.equal(byName.get('to-run')!.executable, undefined, 'a link is shown as a link');
});
