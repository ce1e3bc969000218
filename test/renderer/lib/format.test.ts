import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatEta } from '../../../src/renderer/lib/format';

test('sizes and times read like Finder\'s', () => {
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(999), '999 bytes');
  assert.equal(formatBytes(1_234_567_890), '1.2 GB');
  assert.equal(formatBytes(532_000), '532 KB');
  assert.equal(formatEta(118), 'about 2 minutes');
  assert.equal(formatEta(null), null);
  assert.equal(formatEta(42), 'about 45 seconds');
});
