import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  direntKindCode, kindCode, kindCodeOfStats, kindOfCode, kindOfDirent, kindOfStats, type EntryKind,
} from '../../src/main/engine/fs/entry-kind';
import { EntryKind as EntryKindSchema } from '../../src/shared/types';
import { tempDir, tree } from '../helpers/tree';

test('every kind survives the trip through its code, and codes fit the Uint8Array columns they travel in', () => {
  const codes = new Set<number>();
  for (const kind of EntryKindSchema.options) {
    const code = kindCode(kind);
    assert.equal(kindOfCode(code), kind);
    assert.equal(new Uint8Array([code])[0], code, `${kind}: a byte`);
    codes.add(code);
  }
  assert.equal(codes.size, EntryKindSchema.options.length, 'one code per kind');
});

test('a code no sender writes is refused, not read as some kind', () => {
  for (const bad of [-1, 4, 255, 1.5, NaN]) assert.throws(() => kindOfCode(bad), /Not an entry kind code/);
});

test('real entries: lstat and readdir agree on each kind, by name and by code; links are never followed', () => {
  const root = tree(tempDir(), { 'file.txt': 'x', 'folder/inner': 'y' });
  fs.symlinkSync('folder', path.join(root, 'link-to-folder'));
  fs.symlinkSync('file.txt', path.join(root, 'link-to-file'));
  fs.symlinkSync('nowhere', path.join(root, 'dangling'));
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  const expected: Record<string, EntryKind> = {
    'file.txt': 'file', 'folder': 'dir', 'link-to-folder': 'symlink', 'link-to-file': 'symlink', 'dangling': 'symlink', 'pipe': 'other',
  };
  const seen: Record<string, EntryKind> = {};
  for (const d of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, d.name);
    const st = fs.lstatSync(p);
    const kind = kindOfStats(st);
    seen[d.name] = kind;
    assert.equal(kindOfStats(fs.lstatSync(p, { bigint: true })), kind, `${d.name}: bigint stats`);
    assert.equal(kindCodeOfStats(st), kindCode(kind), `${d.name}: the code of the same lstat`);
    assert.equal(kindOfDirent(d), kind, `${d.name}: readdir's d_type`);
    assert.equal(direntKindCode(d), kindCode(kind), `${d.name}: d_type's code`);
  }
  assert.deepEqual(seen, expected);
});

test('a dirent whose type the file system did not report has no code: the caller lstat()s it', () => {
  // Node's own Dirent as readdir builds it on such a file system (type 0: UV_DIRENT_UNKNOWN).
  const DirentOf = fs.Dirent as unknown as new (name: string, type: number, dir: string) => fs.Dirent;
  const unknown = new DirentOf('x', 0, '/');
  assert.equal(direntKindCode(unknown), null);
});
