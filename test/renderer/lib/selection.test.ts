import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickSelect, moveFocus, selectAll, type SelectionState } from '../../../src/renderer/lib/selection';

const order = ['/a', '/b', '/c', '/d', '/e'];
const none: SelectionState = { selected: new Set(), anchor: null, focus: null };
const sel = (s: SelectionState) => order.filter((p) => s.selected.has(p));

test('click selects one; Shift-click selects the range from the anchor; Ctrl-click toggles', () => {
  let s = clickSelect(none, order, 1, 'replace');
  assert.deepEqual(sel(s), ['/b']);
  s = clickSelect(s, order, 3, 'range');
  assert.deepEqual(sel(s), ['/b', '/c', '/d']);
  s = clickSelect(s, order, 0, 'range');
  assert.deepEqual(sel(s), ['/a', '/b'], 'the anchor stays where the range started');
  s = clickSelect(s, order, 4, 'toggle');
  assert.deepEqual(sel(s), ['/a', '/b', '/e']);
  s = clickSelect(s, order, 0, 'toggle');
  assert.deepEqual(sel(s), ['/b', '/e']);
});

test('select all, and arrow keys move (Shift extends) within bounds', () => {
  assert.deepEqual(sel(selectAll(order)), order);
  let s = moveFocus(none, order, 1, false);
  assert.deepEqual(sel(s), ['/a']);
  s = moveFocus(s, order, 2, true);
  assert.deepEqual(sel(s), ['/a', '/b', '/c']);
  s = moveFocus(s, order, 100, false);
  assert.deepEqual(sel(s), ['/e']);
  assert.equal(s.focus, 4);
  assert.equal(moveFocus(none, [], 1, false), none);
});
