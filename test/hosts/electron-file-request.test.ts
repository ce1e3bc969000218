import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileRequestPath, userFilePolicy } from '../../src/main/hosts/electron/file-request';
import { fileUrl } from '../../src/shared/file-url';

test("the shell's file route takes exactly the addresses fileUrl builds, and normal absolute paths only", () => {
  const url = (p: string) => `ferry://app${fileUrl(p)}`;
  assert.deepEqual(fileRequestPath(url('/home/me/a b/ü.png')), { ok: true, path: '/home/me/a b/ü.png' });
  for (const bad of ['relative/x', '/home/me/../etc/passwd', '/home//me', '/home/me/', '/a/./b', '/a\0b']) {
    assert.deepEqual(fileRequestPath(url(bad)), { ok: false, status: 400 }, bad);
  }
  assert.deepEqual(fileRequestPath('ferry://app/file'), { ok: false, status: 400 });
  assert.deepEqual(fileRequestPath('ferry://evil/file?path=/etc/passwd'), { ok: false, status: 404 });
  assert.deepEqual(fileRequestPath('ferry://app/other?path=/etc/passwd'), { ok: false, status: 404 });
});

test('every user file is sandboxed on the app origin, except PDFs for the viewer', () => {
  for (const name of ['/x/page.html', '/x/pic.svg', '/x/a.txt', '/x/noext']) assert.match(userFilePolicy(name), /^sandbox;/, name);
  assert.equal(userFilePolicy('/x/Paper.PDF'), "frame-ancestors 'self'");
});
