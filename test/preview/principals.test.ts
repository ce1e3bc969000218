import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupName, parseIdNames, userName } from '../../src/main/engine/preview/principals';

test('names are read by id from passwd/group lines; comments, blanks and broken lines are skipped', () => {
  const names = parseIdNames('# comment\nroot:x:0:0:root:/root:/bin/bash\n\nbroken\nme:x:1000:1000::/home/me:/bin/sh\ndup:x:1000:1\n');
  assert.deepEqual([...names], [[0, 'root'], [1000, 'me']]);
});

test('this machine names uid and gid 0', { skip: process.platform === 'win32' && 'no /etc/passwd on Windows' }, () => {
  assert.equal(userName(0), 'root');
  assert.equal(groupName(0), 'root');
  assert.equal(userName(2 ** 31 - 5), null);
});
