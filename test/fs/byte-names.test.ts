import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeName, displayName, encodeName, fsPath, hasEscapedBytes, readEntries, readNames } from '../../src/main/engine/fs/byte-names';
import { tempDir } from '../helpers/tree';

const bytes = (...b: number[]) => Buffer.from(b);

test('bytes that are not UTF-8 decode to escapes and encode back exactly', () => {
  const cases: Buffer[] = [
    Buffer.from('plain.txt'), Buffer.from('é😀 ünï.txt'), Buffer.from('\ufffd real replacement'),
    bytes(0xff, 0xfe, 0x2e, 0x74), bytes(0xc3), bytes(0xc3, 0x28), bytes(0xe2, 0x82), bytes(0xed, 0xa0, 0x80),
    bytes(0xc0, 0xaf), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0x61, 0x80, 0x62), Buffer.concat([Buffer.from('😀'), bytes(0xdc)]),
  ];
  for (const b of cases) {
    const s = decodeName(b);
    assert.deepEqual(encodeName(s), b, `round trip of ${b.toString('hex')}`);
    assert.equal(hasEscapedBytes(s), !b.equals(Buffer.from(b.toString('utf8'))), b.toString('hex'));
  }
  assert.equal(decodeName(bytes(0xff, 0x41)), '\udcffA');
  assert.equal(displayName('\udcffA'), '\ufffdA');
  // A valid surrogate pair whose low half lies in the escape range is a character, not an escape.
  assert.equal(hasEscapedBytes('\ud83d\udc80'), false);
  assert.equal(fsPath('/tmp/x'), '/tmp/x');
});

test('readNames and readEntries list names that are not UTF-8 exactly, and fsPath reaches them', () => {
  const dir = tempDir();
  const raw = Buffer.concat([Buffer.from(dir + '/'), bytes(0xff, 0xfe), Buffer.from('.txt')]);
  fs.writeFileSync(raw, 'odd');
  fs.writeFileSync(path.join(dir, 'fine.txt'), 'fine');
  fs.mkdirSync(Buffer.concat([Buffer.from(dir + '/'), bytes(0x80)]));
  const names = readNames(dir).sort();
  assert.deepEqual(names, ['fine.txt', '\udc80', '\udcff\udcfe.txt'].sort());
  const entries = readEntries(dir);
  const odd = entries.find((d) => d.name === '\udcff\udcfe.txt')!;
  assert.ok(odd.isFile());
  assert.ok(entries.find((d) => d.name === '\udc80')!.isDirectory());
  assert.equal(fs.readFileSync(fsPath(path.join(dir, odd.name)), 'utf8'), 'odd');
});
