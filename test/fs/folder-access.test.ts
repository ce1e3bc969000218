import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentUser, mayEnter } from '../../src/main/engine/fs/folder-access';
import { tempDir } from '../helpers/tree';

const me = { uid: 1000, groups: [1000, 27] };

test('a folder may be entered when the class the process falls in has read and search permission', () => {
  const table: Array<[mode: number, uid: number, gid: number, expected: boolean, why: string]> = [
    [0o40755, 1000, 1000, true, 'owner rwx'],
    [0o40700, 1000, 5, true, 'owner only, and it is mine'],
    [0o40300, 1000, 1000, false, 'owner without read'],
    [0o40600, 1000, 1000, false, 'owner without search'],
    [0o40070, 2000, 27, true, 'through a supplementary group'],
    [0o40305, 1000, 1000, false, 'the owner class decides, even when others may'],
    [0o40075, 1000, 27, false, 'the owner class decides, even when the group may'],
    [0o40750, 2000, 3000, false, 'neither owner nor group: others have nothing'],
    [0o40755, 2000, 3000, true, 'others r-x'],
    [0o40000, 2000, 3000, false, 'chmod 000'],
  ];
  for (const [mode, uid, gid, expected, why] of table) assert.equal(mayEnter({ mode, uid, gid }, me), expected, why);
  assert.equal(mayEnter({ mode: 0o40000, uid: 5, gid: 5 }, { uid: 0, groups: [0] }), true, 'root enters anything');
  assert.equal(mayEnter({ mode: 0o40000, uid: 5, gid: 5 }, null), true, 'no users (Windows): no badge');
});

test('for this process, the decision matches what the kernel allows', { skip: process.getuid?.() === 0 && 'root enters every folder' }, () => {
  const dir = tempDir();
  for (const mode of [0o755, 0o700, 0o300, 0o600, 0o000, 0o500]) {
    const folder = path.join(dir, mode.toString(8));
    fs.mkdirSync(folder);
    fs.chmodSync(folder, mode);
    let kernel = true;
    try { fs.accessSync(folder, fs.constants.R_OK | fs.constants.X_OK); } catch { kernel = false; }
    assert.equal(mayEnter(fs.lstatSync(folder), currentUser()), kernel, mode.toString(8));
    fs.chmodSync(folder, 0o700);
  }
});
