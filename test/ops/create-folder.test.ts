import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFolder } from '../../src/main/engine/ops/create-folder';
import { FerryError } from '../../src/shared/errors';
import { emptyDir, tempDir, tree } from '../helpers/tree';

test('"New Folder", then "New Folder 2", "New Folder 3", filling the first free name', async () => {
  const dir = tempDir();
  assert.equal(await createFolder(dir), path.join(dir, 'New Folder'));
  assert.equal(await createFolder(dir), path.join(dir, 'New Folder 2'));
  fs.writeFileSync(path.join(dir, 'New Folder 3'), 'a file takes the name too');
  assert.equal(await createFolder(dir), path.join(dir, 'New Folder 4'));
  fs.rmdirSync(path.join(dir, 'New Folder 2'));
  assert.equal(await createFolder(dir), path.join(dir, 'New Folder 2'));
  assert.ok(fs.statSync(path.join(dir, 'New Folder 4')).isDirectory());
});

test('folders created at once each get their own name', async () => {
  const dir = tempDir();
  const made = await Promise.all(Array.from({ length: 5 }, () => createFolder(dir)));
  assert.equal(new Set(made).size, 5);
  assert.equal(fs.readdirSync(dir).length, 5);
});

test('a given name is made exactly, and refused when taken or invalid', async () => {
  const dir = tree(tempDir(), { 'taken': emptyDir() });
  assert.equal(await createFolder(dir, 'Projects'), path.join(dir, 'Projects'));
  for (const [name, code] of [['taken', 'EEXIST'], ['a/b', 'INVALID_INPUT'], ['..', 'INVALID_INPUT'], ['', 'INVALID_INPUT']] as const) {
    await assert.rejects(createFolder(dir, name), (err: unknown) => err instanceof FerryError && err.code === code, name);
  }
  await assert.rejects(createFolder(path.join(dir, 'nope')), (err: unknown) => err instanceof FerryError && err.code === 'DEST_NOT_FOUND');
  fs.writeFileSync(path.join(dir, 'file'), '');
  await assert.rejects(createFolder(path.join(dir, 'file')), (err: unknown) => err instanceof FerryError && err.code === 'NOT_A_DIRECTORY');
});
