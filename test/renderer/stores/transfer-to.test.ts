import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseTransferFolder, transferToTitle } from '../../../src/renderer/stores/transfer-to';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

test('the title names the one item, else counts them', () => {
  assert.equal(transferToTitle('move', ['/home/me/a.txt']), 'Move “a.txt” to…');
  assert.equal(transferToTitle('copy', ['/a', '/b', '/c']), 'Copy 3 Items to…');
});

test('the folder typed is read as the path bar reads it and checked on disk before anything starts', async () => {
  const { engine, api } = storeOverEngine();
  try {
    const home = tree(tempDir(), { 'dest/x': 'x', 'note.txt': 'n', 'here/sub/y': 'y' });
    fs.symlinkSync(path.join(home, 'dest'), path.join(home, 'to-dest'));
    const where = { current: path.join(home, 'here'), home };
    const cases: [string, { folder: string } | RegExp][] = [
      ['~/dest', { folder: path.join(home, 'dest') }],
      ['sub', { folder: path.join(home, 'here/sub') }],
      ['../dest/', { folder: path.join(home, 'dest') }],
      ['~/to-dest', { folder: path.join(home, 'to-dest') }],
      ['~/note.txt', /is not a folder/],
      ['~/missing', /missing/],
      ['   ', /Type the path of a folder/],
    ];
    for (const [typed, expected] of cases) {
      const chosen = await chooseTransferFolder(api, typed, where);
      if (expected instanceof RegExp) assert.match('error' in chosen ? chosen.error : 'no error', expected, typed);
      else assert.deepEqual(chosen, expected, typed);
    }
  } finally {
    await engine.shutdown();
  }
});
