import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayName } from '../../src/shared/display-name';

/** Names that are not UTF-8 reach the renderer as strings with lone surrogates (escaped bytes). */
const oddFolder = '/home/me/d\udce9r/\udcff\udcfe';

test('names are shown with replacement characters, and only the escaped bytes are replaced', () => {
  assert.equal(displayName(oddFolder), '/home/me/d\ufffdr/\ufffd\ufffd');
  assert.equal(displayName('plain 😀.txt'), 'plain 😀.txt');
  // A valid surrogate pair whose low half lies in the escape range is a character, not an escaped byte.
  assert.equal(displayName('\ud83d\udc80 skull'), '\ud83d\udc80 skull');
});
