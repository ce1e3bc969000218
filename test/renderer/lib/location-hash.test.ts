import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderToHash, hashToFolder } from '../../../src/renderer/lib/location-hash';
import { joinPath } from '../../../src/renderer/lib/paths';

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
