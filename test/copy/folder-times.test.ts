import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FolderTimes } from '../../src/main/engine/copy/folder-times';
import { tempDir } from '../helpers/tree';
import { ODD_DEEP, ODD_DEEP_NAME, ODD_DIR, ODD_DIR_NAME, bytePath } from '../helpers/odd-names';

test('folder times are restored on folders whose names are not UTF-8', async () => {
  const dest = tempDir();
  fs.mkdirSync(bytePath(dest, ODD_DIR, ODD_DEEP), { recursive: true });
  const times = new FolderTimes();
  times.note(ODD_DIR_NAME, 1_500_000_000_000_000_000n, 1_600_000_000_000_000_000n);
  times.note(`${ODD_DIR_NAME}/${ODD_DEEP_NAME}`, 1_500_000_000_000_000_000n, 1_400_000_000_000_000_000n);
  await times.restore(dest);
  assert.equal(fs.statSync(bytePath(dest, ODD_DIR)).mtimeMs, 1_600_000_000_000);
  assert.equal(fs.statSync(bytePath(dest, ODD_DIR, ODD_DEEP)).mtimeMs, 1_400_000_000_000);
});
