import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultDbPath } from '../../src/main/engine/db/paths';

test('the default path follows $FERRY_DB, then $XDG_DATA_HOME, then ~/.local/share', () => {
  assert.equal(defaultDbPath({ FERRY_DB: '/x/y.db' }), '/x/y.db');
  assert.equal(defaultDbPath({ XDG_DATA_HOME: '/data' }), '/data/ferry/library.db');
  assert.match(defaultDbPath({}), /\.local\/share\/ferry\/library\.db$/);
});
