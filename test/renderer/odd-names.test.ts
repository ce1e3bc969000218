import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderToHash, hashToFolder } from '../../src/renderer/lib/location-hash';
import { joinPath } from '../../src/renderer/lib/paths';
import { displayName } from '../../src/shared/display-name';

/** Names that are not UTF-8 reach the renderer as strings with lone surrogates (escaped bytes). */
const oddFolder = joinPath('/home/me/d\udce9r', '\udcff\udcfe');

test('a folder whose path is not UTF-8 goes into the URL hash and comes back exactly; other paths as before', () => {
  for (const folder of [oddFolder, '/home/me/plain', '/tmp/with space/100%/#hash', '/tmp/😀 é/\ufffd real', 'C:\\Users\\me']) {
    const hash = folderToHash(folder);
    assert.match(hash, /^#[\x21-\x7e]*$/, 'the hash is plain ASCII');
    assert.equal(hashToFolder(hash.slice(1)), folder, folder);
  }
  assert.equal(folderToHash('/home/me/plain dir'), `#${encodeURIComponent('/home/me/plain dir')}`);
  assert.equal(hashToFolder(''), null);
  assert.equal(hashToFolder('json:%7Bnot'), null);
  assert.equal(hashToFolder('%E0%A4%A'), null);
});

test('names are shown with replacement characters, and only the escaped bytes are replaced', () => {
  assert.equal(displayName(oddFolder), '/home/me/d\ufffdr/\ufffd\ufffd');
  assert.equal(displayName('plain 😀.txt'), 'plain 😀.txt');
  // A valid surrogate pair whose low half lies in the escape range is a character, not an escaped byte.
  assert.equal(displayName('\ud83d\udc80 skull'), '\ud83d\udc80 skull');
});
