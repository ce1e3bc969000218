import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot, type Ferry } from './fixtures/ferry';
import { copyAllInto, ui, waitForCopy } from './fixtures/ui';
import { tree } from '../test/helpers/tree';

const OLD = new Date('2024-03-01T10:00:00Z');

function others(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`other-${String(i).padStart(2, '0')}.txt`, `other ${i}`]));
}

/** Copies every item of `source` into `destination` from the UI; returns the window of the destination. */
function copyAll(ferry: Ferry, source: string, destination: string) {
  return copyAllInto(ferry, source, destination, 'same.txt');
}

test('a conflict is answered in the modal while the other files finish; Replace writes the new bytes', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'same.txt': 'the new version, longer', ...others(20) });
  const destination = tree(path.join(ferry.home, 'destination'), { 'same.txt': { content: 'old', mtime: OLD } });

  const page = await copyAll(ferry, source, destination);
  const modal = ui.conflict(page);
  await expect(modal).toBeVisible();
  await expect(modal).toHaveAccessibleName('An item named “same.txt” already exists in “destination”');
  await expect(modal.getByRole('row', { name: 'Existing item' })).toContainText('3 bytes');
  await expect(modal.getByRole('row', { name: 'Existing item' })).toContainText('2024');
  await expect(modal.getByRole('row', { name: 'Item being copied' })).toContainText('23 bytes');
  for (const name of ['Skip', 'Keep Both', 'Replace', 'Stop']) await expect(modal.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(modal.getByRole('checkbox', { name: 'Apply to all' })).not.toBeChecked();

  // The other files keep copying while the question waits.
  await expect.poll(() => Object.keys(others(20)).filter((n) => fs.existsSync(path.join(destination, n))).length,
    { timeout: 30_000 }).toBe(20);
  expect(fs.readFileSync(path.join(destination, 'same.txt'), 'utf8')).toBe('old');
  await saveScreenshot(page, 'conflict-modal');

  await modal.getByRole('button', { name: 'Replace' }).click();
  await expect(modal).toBeHidden();
  await waitForCopy(page);
  expect(fs.readFileSync(path.join(destination, 'same.txt'), 'utf8')).toBe('the new version, longer');
  for (const [name, content] of Object.entries(others(20))) expect(fs.readFileSync(path.join(destination, name), 'utf8')).toBe(content);
});

test('Keep Both writes "name 2.ext" beside the existing file', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'same.txt': 'new', ...others(2) });
  const destination = tree(path.join(ferry.home, 'destination'), { 'same.txt': 'old' });
  const page = await copyAll(ferry, source, destination);
  await ui.conflict(page).getByRole('button', { name: 'Keep Both' }).click();
  await waitForCopy(page);
  expect(fs.readFileSync(path.join(destination, 'same.txt'), 'utf8')).toBe('old');
  expect(fs.readFileSync(path.join(destination, 'same 2.txt'), 'utf8')).toBe('new');
});

test('several conflicts are asked one after another, and "Apply to all" answers the rest', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), {
    'same.txt': 'new s', 'x.txt': 'new x', 'y.txt': 'new y', 'z.txt': 'new z', 'fresh.txt': 'fresh',
  });
  const destination = tree(path.join(ferry.home, 'destination'), { 'same.txt': 'old s', 'x.txt': 'old x', 'y.txt': 'old y', 'z.txt': 'old z' });
  const page = await copyAll(ferry, source, destination);

  const modal = ui.conflict(page);
  await expect(modal).toBeVisible();
  // The destination map tells how many of the copied items exist already (all four).
  await expect(modal).toContainText('4 items of this copy already exist here');
  const first = await modal.getByRole('heading').textContent();
  await modal.getByRole('button', { name: 'Replace' }).click();
  // The next conflict (another file) comes up in the same modal.
  await expect(modal.getByRole('heading')).not.toHaveText(first!);
  await modal.getByRole('checkbox', { name: 'Apply to all' }).check();
  await modal.getByRole('button', { name: 'Skip' }).click();
  await expect(modal).toBeHidden();
  const summary = await waitForCopy(page);
  expect(summary).toContain('skipped by you');

  const replaced = ['same.txt', 'x.txt', 'y.txt', 'z.txt'].filter((n) => fs.readFileSync(path.join(destination, n), 'utf8').startsWith('new'));
  expect(replaced).toHaveLength(1);
  expect(fs.readFileSync(path.join(destination, 'fresh.txt'), 'utf8')).toBe('fresh');
});
