import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiFallback, contentDisposition, encodeRfc8187 } from '../../src/main/hosts/browser/content-disposition';

test('filename* is UTF-8 percent-encoded except RFC 8187 attr-chars', () => {
  const table: Array<[string, string]> = [
    ['report.pdf', 'report.pdf'],
    ['my file.txt', 'my%20file.txt'],
    ['naïve €.txt', 'na%C3%AFve%20%E2%82%AC.txt'],
    ['a"b\\c%d;e.txt', 'a%22b%5Cc%25d%3Be.txt'],
    ["it's (1).txt", 'it%27s%20%281%29.txt'],
    ['日本.txt', '%E6%97%A5%E6%9C%AC.txt'],
  ];
  for (const [name, encoded] of table) assert.equal(encodeRfc8187(name), encoded, name);
});

test('the ASCII fallback keeps printable ASCII and replaces quotes, backslashes, % and the rest with _', () => {
  assert.equal(asciiFallback('report 1.pdf'), 'report 1.pdf');
  assert.equal(asciiFallback('a"b\\c%d.txt'), 'a_b_c_d.txt');
  assert.equal(asciiFallback('naïve\n.txt'), 'na_ve_.txt');
});

test('inline and attachment carry both parameters', () => {
  assert.equal(contentDisposition('attachment', 'ça va.txt'), `attachment; filename="_a va.txt"; filename*=UTF-8''%C3%A7a%20va.txt`);
  assert.equal(contentDisposition('inline', 'a.txt'), `inline; filename="a.txt"; filename*=UTF-8''a.txt`);
});

test('a decoder of RFC 8187 gets the exact name back', () => {
  for (const name of ['ça va.txt', 'a"b.txt', '100%.txt', 'emoji 🚢.png']) {
    const header = contentDisposition('attachment', name);
    const star = /filename\*=UTF-8''(.*)$/.exec(header)![1]!;
    assert.equal(decodeURIComponent(star), name);
  }
});
