import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropOperation, dropText, onSameFileSystem, type DropModifiers, type Platform } from '../../../src/renderer/lib/drop-operation';

const none: DropModifiers = { ctrlKey: false, altKey: false, shiftKey: false, metaKey: false };
const keys = (...held: Array<keyof DropModifiers>): DropModifiers => ({ ...none, ...Object.fromEntries(held.map((k) => [k, true])) });

test('Finder\'s rule: same file system moves, another copies, a modifier forces the other (per platform)', () => {
  const table: Array<[Platform, boolean | null, DropModifiers, 'copy' | 'move']> = [
    ['other', true, none, 'move'],
    ['other', false, none, 'copy'],
    ['other', null, none, 'copy'],
    ['other', true, keys('ctrlKey'), 'copy'],
    ['other', false, keys('shiftKey'), 'move'],
    ['other', true, keys('ctrlKey', 'shiftKey'), 'copy'],
    ['other', false, keys('altKey'), 'copy'],
    ['other', false, keys('metaKey'), 'copy'],
    ['mac', true, none, 'move'],
    ['mac', false, none, 'copy'],
    ['mac', true, keys('altKey'), 'copy'],
    ['mac', false, keys('metaKey'), 'move'],
    ['mac', true, keys('ctrlKey'), 'move'],
    ['mac', false, keys('shiftKey'), 'copy'],
    ['mac', true, keys('altKey', 'metaKey'), 'copy'],
  ];
  for (const [platform, same, held, expected] of table) {
    assert.equal(dropOperation(same, held, platform), expected, `${platform} same=${same} ${JSON.stringify(held)}`);
  }
});

test('the sources are on the target\'s file system only when every id matches it; an unknown id is unknown', () => {
  assert.equal(onSameFileSystem(['2049', '2049', '2049']), true);
  assert.equal(onSameFileSystem(['2049', '41', '2049']), false);
  assert.equal(onSameFileSystem(['41', '2049']), false);
  assert.equal(onSameFileSystem(['2049', null, '2049']), null);
  assert.equal(onSameFileSystem(['2049']), null);
});

test('the drop target says what the drop will do', () => {
  assert.equal(dropText('move', 'Backup'), 'Move to “Backup”');
  assert.equal(dropText('copy', 'Backup'), 'Copy to “Backup”');
});
