import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseName, isInside, joinPath, parentOf } from '../../../src/renderer/lib/paths';

test('paths: parent, base name and "inside" without Node', () => {
  assert.equal(joinPath('/a/b', 'c.txt'), '/a/b/c.txt');
  assert.equal(joinPath('/', 'etc'), '/etc');
  assert.equal(joinPath('C:\\Users', 'me'), 'C:\\Users\\me');
  assert.equal(parentOf('/a/b/c.txt'), '/a/b');
  assert.equal(parentOf('/a'), '/');
  assert.equal(parentOf('/'), null);
  assert.equal(baseName('/a/b/'), 'b');
  assert.equal(isInside('/a/b/c', '/a/b'), true);
  assert.equal(isInside('/a/bc', '/a/b'), false);
  assert.equal(isInside('/a/b', '/a/b'), true);
});
