import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeName, normalise, resolveTyped, splitForCompletion } from '../../../src/renderer/lib/path-input';

const where = { current: '/home/me/work', home: '/home/me' };

test('the path bar understands ~, ~/x, relative paths and . and .. steps', () => {
  const table: Array<[typed: string, expected: string | null]> = [
    ['~', '/home/me'],
    ['~/', '/home/me'],
    ['~/Documents/x', '/home/me/Documents/x'],
    ['/etc', '/etc'],
    ['/etc/', '/etc'],
    ['//etc///ssl', '/etc/ssl'],
    ['src', '/home/me/work/src'],
    ['./src/../lib', '/home/me/work/lib'],
    ['..', '/home/me'],
    ['../../../../..', '/'],
    ['  ~/x  ', '/home/me/x'],
    ['', null],
    ['   ', null],
    ['~other', '/home/me/work/~other'],
  ];
  for (const [typed, expected] of table) assert.equal(resolveTyped(typed, where), expected, typed);
  assert.equal(resolveTyped('~', { current: '/x', home: null }), null, 'no home known yet');
  assert.equal(resolveTyped('rel', { current: null, home: '/h' }), null, 'no folder to be relative to');
  assert.equal(normalise('C:\\Users\\me\\..\\you'), 'C:\\Users\\you');
});

test('Tab completes the last part of what is typed, from the folder it names', () => {
  assert.deepEqual(splitForCompletion('/home/me/Doc', where), { folder: '/home/me', prefix: 'Doc' });
  assert.deepEqual(splitForCompletion('~/Doc', where), { folder: '/home/me', prefix: 'Doc' });
  assert.deepEqual(splitForCompletion('sr', where), { folder: '/home/me/work', prefix: 'sr' });
  assert.deepEqual(splitForCompletion('/home/', where), { folder: '/home', prefix: '' });
  assert.deepEqual(splitForCompletion('/', where), { folder: '/', prefix: '' });
});

test('completion: one match whole, several their shared start, case minded unless nothing matches', () => {
  const folders = ['Documents', 'Downloads', 'Desktop', 'music', 'Music Old'];
  assert.deepEqual(completeName('Doc', folders), { completion: 'Documents', unique: true });
  assert.deepEqual(completeName('Do', folders), null, 'Documents and Downloads share nothing beyond "Do"');
  assert.deepEqual(completeName('D', folders), null);
  assert.deepEqual(completeName('mus', folders), { completion: 'music', unique: true }, 'case minded first');
  assert.deepEqual(completeName('Mus', folders), { completion: 'Music Old', unique: true });
  assert.deepEqual(completeName('doc', folders), { completion: 'Documents', unique: true }, 'then case-blind');
  assert.deepEqual(completeName('x', folders), null);
  assert.deepEqual(completeName('pro', ['project-a', 'project-b']), { completion: 'project-', unique: false });
});
