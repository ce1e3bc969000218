import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collatorOrder, compareNames } from '../../src/shared/natural-order';

/** What the names are held to: ICU's own answer, with the same options. */
const icu = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const sign = (n: number) => Math.sign(n);

// Names as folders hold them: letters of both cases, digits (runs with leading zeros too), punctuation and
// symbols of every kind, spaces; now and then a control character or a letter beyond ASCII (ICU's path).
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const digitRun = fc.stringMatching(/^0{0,3}[0-9]{1,6}$/);
const odd = fc.constantFrom('\n', '\t', '\u0000', 'é', 'e\u0301', 'ß', 'Å', 'ﬁ', '日', '😀', '٣');
const part = fc.oneof({ weight: 6, arbitrary: ascii }, { weight: 3, arbitrary: digitRun }, { weight: 1, arbitrary: odd },
  { weight: 2, arbitrary: fc.constantFrom('file', 'File', 'IMG_', 'photo ', 'v', '.', '-', '_', ' ', 'a', 'A') });
const name = fc.array(part, { maxLength: 8 }).map((parts) => parts.join(''));

test('the ASCII path gives the collator\'s own answer for every pair of names', () => {
  fc.assert(fc.property(name, name, (a, b) => sign(collatorOrder(a, b)) === sign(icu.compare(a, b))), { numRuns: 50_000 });
});

test('near-equal names too: a character or a digit changed, a zero added, the case changed', () => {
  const variant = fc.tuple(name, fc.nat(), fc.constantFrom('0', '1', '9', 'a', 'A', 'z', '.', ' ', '_', '-', '~', '\n')).map(([n, at, c]) => {
    const k = n.length === 0 ? 0 : at % (n.length + 1);
    return [n, n.slice(0, k) + c + n.slice(k)] as const;
  });
  fc.assert(fc.property(variant, ([a, b]) =>
    sign(collatorOrder(a, b)) === sign(icu.compare(a, b)) && sign(collatorOrder(b, a)) === sign(icu.compare(b, a))
    && sign(collatorOrder(a, a.toUpperCase())) === sign(icu.compare(a, a.toUpperCase()))), { numRuns: 30_000 });
});

test('cases people meet, in the order people expect', () => {
  // A symbol before letters, and "é" among the e's (before "file"), as ICU and Finder place them.
  const sorted = ['', ' x', '_x', '-x', '.hidden', '😀', 'é', 'file', 'file 2', 'file 10', 'file-1', 'file01.txt', 'file1.txt', 'File1.txt', 'file2.txt',
    'file10.txt', 'file010b', 'IMG_0009.jpg', 'IMG_10.jpg', 'Z', 'zebra'];
  const shuffled = [...sorted].reverse();
  shuffled.sort(compareNames);
  // Each place holds the expected name or one ICU cannot tell from it (the order among those is by code unit).
  assert.deepEqual(shuffled.map((n, k) => sign(icu.compare(n, sorted[k]!))), sorted.map(() => 0));
  for (let k = 1; k < shuffled.length; k++) {
    assert.ok(icu.compare(shuffled[k - 1]!, shuffled[k]!) <= 0, `${JSON.stringify(shuffled[k - 1])} ≤ ${JSON.stringify(shuffled[k])}`);
    assert.ok(compareNames(shuffled[k - 1]!, shuffled[k]!) < 0, 'a total order: no two names compare equal');
  }
  assert.ok(compareNames('file 2', 'file 10') < 0);
  assert.ok(compareNames('a', 'A') !== 0 && compareNames('a', 'A') === -compareNames('A', 'a'));
  // Numbers of any length: the value decides, leading zeros aside, and ICU takes the very long ones.
  assert.ok(compareNames('x' + '9'.repeat(30), 'x1' + '0'.repeat(30)) < 0);
  assert.equal(sign(collatorOrder('n' + '7'.repeat(300), 'n' + '7'.repeat(299))), sign(icu.compare('n' + '7'.repeat(300), 'n' + '7'.repeat(299))));
});
