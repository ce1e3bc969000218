import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimalPdf } from './pdf';

test('the minimal PDF\'s cross-reference table and startxref point at its objects, byte for byte', () => {
  const pdf = minimalPdf('Report (Q3) \\ done');
  const text = pdf.toString('latin1');
  assert.match(text, /^%PDF-1\.4\n/);
  assert.match(text, /\n%%EOF\n$/);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  assert.equal(text.slice(startxref, startxref + 5), 'xref\n');
  const lines = text.slice(startxref).split('\n');
  assert.equal(lines[1], '0 6');
  for (let n = 1; n <= 5; n++) {
    const entry = lines[2 + n]!;
    assert.equal(entry.length + 1, 20, 'each entry is 20 bytes with its LF');
    const offset = Number(entry.slice(0, 10));
    assert.equal(text.slice(offset, offset + `${n} 0 obj`.length), `${n} 0 obj`);
  }
  const stream = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text)!;
  assert.equal(Buffer.byteLength(stream[2]!, 'latin1'), Number(stream[1]));
  assert.match(stream[2]!, /\(Report \\\(Q3\\\) \\\\ done\) Tj/);
});
