import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  decodeTrashPath, encodeTrashPath, formatDeletionDate, formatTrashInfo, parseDeletionDate, parseTrashInfo,
} from '../../src/main/engine/trash/trash-info';
import { ODD_FILE_NAME } from '../helpers/odd-names';

test('a .trashinfo is the specification\'s three lines, byte for byte', () => {
  const at = new Date(2024, 0, 9, 7, 5, 3);
  assert.equal(formatTrashInfo('/home/ann/Docs/report 2024.txt', at),
    '[Trash Info]\nPath=/home/ann/Docs/report%202024.txt\nDeletionDate=2024-01-09T07:05:03\n');
});

test('Path= is percent-encoded byte by byte as GIO writes it: only unreserved characters and / stay', () => {
  const cases: [string, string][] = [
    ['/a b%é.txt', '/a%20b%25%C3%A9.txt'],
    ['/x/~a-b_c.d', '/x/~a-b_c.d'],
    ['/q?#&=+;,:@!$\'()*[]', '/q%3F%23%26%3D%2B%3B%2C%3A%40%21%24%27%28%29%2A%5B%5D'],
    ['/line\nbreak\ttab', '/line%0Abreak%09tab'],
    [`/d/${ODD_FILE_NAME}`, '/d/%FF%FE.txt'],
    ['rel/ative', 'rel/ative'],
  ];
  for (const [plain, encoded] of cases) {
    assert.equal(encodeTrashPath(plain), encoded, plain);
    assert.equal(decodeTrashPath(encoded), plain, encoded);
  }
});

test('decoding keeps a % that is not an escape, and reads lowercase hex', () => {
  assert.equal(decodeTrashPath('/a%zz%4'), '/a%zz%4');
  assert.equal(decodeTrashPath('/%c3%a9'), '/é');
});

test('DeletionDate is local time without a zone, and reads back to the same second', () => {
  const at = new Date(2031, 11, 31, 23, 59, 58);
  assert.equal(formatDeletionDate(at), '2031-12-31T23:59:58');
  assert.equal(parseDeletionDate('2031-12-31T23:59:58'), at.getTime());
  assert.equal(parseDeletionDate('2031-12-31T23:59:58Z'), Date.UTC(2031, 11, 31, 23, 59, 58));
  assert.equal(parseDeletionDate('yesterday'), null);
});

test('parsing reads the [Trash Info] group only, tolerates CRLF and unknown keys, refuses what is not a trashinfo', () => {
  assert.deepEqual(parseTrashInfo('[Trash Info]\r\nPath=sub/f%20g.txt\r\nX-Other=1\r\nDeletionDate=2026-12-06T02:48:14\r\n'),
    { path: 'sub/f g.txt', deletedAtMs: new Date(2026, 11, 6, 2, 48, 14).getTime() });
  assert.deepEqual(parseTrashInfo('[Other]\nPath=/nope\n[Trash Info]\nPath=/yes\n'), { path: '/yes', deletedAtMs: null });
  assert.equal(parseTrashInfo('Path=/no/group\n'), null);
  assert.equal(parseTrashInfo('[Trash Info]\nDeletionDate=2026-12-06T02:48:14\n'), null);
});
