import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { diskSpace } from '../../src/main/engine/preview/disk-space';
import { tempDir } from '../helpers/tree';

const root = process.getuid?.() === 0;

test('free and total space of a 64 MB tmpfs, and free space shrinks as a file is written',
  { skip: !root && 'mounting a tmpfs needs root' }, async (t) => {
    const dir = tempDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]);
    t.after(() => execFileSync('umount', [dir]));
    const before = await diskSpace(dir);
    assert.equal(before.total, 64 * 1024 * 1024);
    assert.ok(before.free > 60 * 1024 * 1024 && before.free <= before.total);
    fs.writeFileSync(`${dir}/ten-mb`, Buffer.alloc(10 * 1024 * 1024, 1));
    const after = await diskSpace(dir);
    assert.equal(before.free - after.free, 10 * 1024 * 1024);
  });
