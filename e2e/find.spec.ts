/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the page, so this file also sees the DOM types.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, saveScreenshot } from './fixtures/ferry';
import { rowNames, ui } from './fixtures/ui';
import { tree } from '../test/helpers/tree';

const filterField = (page: Page) => page.getByRole('searchbox', { name: 'Filter' });
const librarySearch = (page: Page) => page.getByRole('searchbox', { name: 'Search library' });
const results = (page: Page) => page.getByRole('listbox', { name: 'Library results' });

test('Ctrl+F filters the folder by name as you type; the selection keeps to the rows shown; Esc clears and closes', async ({ ferry }) => {
  const folder = path.join(ferry.home, 'Letters');
  tree(folder, {
    'alpha.txt': 'a', 'Alphabet.md': 'b', 'beta.txt': 'c', 'gamma/x.txt': 'd', 'delta alp.pdf': 'e',
  });
  const page = await ferry.open(folder);
  await expect(ui.row(page, 'beta.txt')).toBeVisible();
  await ui.row(page, 'beta.txt').click();
  await ui.row(page, 'alpha.txt').click({ modifiers: ['Control'] });

  await page.keyboard.press('Control+f');
  await expect(filterField(page)).toBeFocused();
  await page.keyboard.type('ALP');
  // Case-insensitive, anywhere in the name, in the list's own order.
  await expect.poll(() => rowNames(page)).toEqual(['alpha.txt', 'Alphabet.md', 'delta alp.pdf']);
  await expect(page.getByRole('status').filter({ hasText: 'of' }).first()).toHaveText('3 of 5');
  // beta.txt is no longer shown, so it is no longer selected: what Copy would take is what you see.
  await expect(ui.row(page, 'alpha.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.status-bar')).toContainText('1 selected');

  await page.keyboard.type('ha');
  await expect.poll(() => rowNames(page)).toEqual(['alpha.txt', 'Alphabet.md']);
  await page.keyboard.type('zz');
  await expect.poll(() => rowNames(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(filterField(page)).toHaveCount(0);
  await expect.poll(() => rowNames(page)).toEqual(['gamma', 'alpha.txt', 'Alphabet.md', 'beta.txt', 'delta alp.pdf']);
  await expect(ui.grid(page)).toBeFocused();

  // Down from the filter goes to the first row shown, selected; a new folder closes the filter.
  await page.keyboard.press('Control+f');
  await expect(filterField(page)).toBeFocused();
  await page.keyboard.type('beta');
  await expect.poll(() => rowNames(page)).toEqual(['beta.txt']);
  await page.keyboard.press('ArrowDown');
  await expect(ui.row(page, 'beta.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.grid(page)).toBeFocused();
  await page.getByRole('button', { name: 'Up' }).click();
  await expect(ui.row(page, 'Letters')).toBeVisible();
  await expect(filterField(page)).toHaveCount(0);
});

test('library search: finds by name across locations as you type, shows each folder, opens a result with it selected', async ({ ferry }) => {
  const photos = path.join(ferry.home, 'Photos');
  const work = path.join(ferry.home, 'Work');
  tree(photos, { '2023/Summer/beach report.jpg': 'a', 'misc/IMG_0001.jpg': 'b' });
  const many: Record<string, string> = {};
  for (let i = 0; i < 40; i++) many[`archive/${2000 + i}/notes ${i}.txt`] = 'n';
  tree(work, { ...many, 'Reports/Q1 report.pdf': 'q', 'Reports/report.pdf': 'r', 'Reports/unreported.txt': 'u', 'report': 'exact' });
  for (const location of [photos, work]) expect((await ferry.cli(['index', location])).code).toBe(0);

  const page = await ferry.open(ferry.home);
  await page.keyboard.press('Control+Shift+F');
  await expect(librarySearch(page)).toBeFocused();
  await page.keyboard.type('report');
  const options = results(page).getByRole('option');
  // Best first: the exact name, then names starting with it (shorter paths first), a word in the name, anywhere.
  await expect(options).toHaveCount(6);
  const names = await options.locator('.result-name').allTextContents();
  const folders = await options.locator('.result-folder').allTextContents();
  expect(names.map((n) => n.trim())).toEqual(['report', 'Reports', 'report.pdf', 'Q1 report.pdf', 'beach report.jpg', 'unreported.txt']);
  expect(folders).toEqual([work, work, path.join(work, 'Reports'), path.join(work, 'Reports'), path.join(photos, '2023/Summer'), path.join(work, 'Reports')]);
  await expect(page.getByRole('status').filter({ hasText: /6 results · \S+ ms/ })).toBeVisible();
  await saveScreenshot(page, 'library-search');

  // Arrow down to "Q1 report.pdf" (the fourth) and open it: its folder, with it selected.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(ui.pathBar(page)).toHaveValue(path.join(work, 'Reports'));
  await expect(ui.row(page, 'Q1 report.pdf')).toHaveAttribute('aria-selected', 'true');
  await expect(results(page)).toHaveCount(0);
  await expect(ui.grid(page)).toBeFocused();

  // A click opens one too, deep in another location.
  await librarySearch(page).click();
  await librarySearch(page).fill('img_0');
  await results(page).getByRole('option', { name: /IMG_0001\.jpg/ }).click();
  await expect(ui.pathBar(page)).toHaveValue(path.join(photos, 'misc'));
  await expect(ui.row(page, 'IMG_0001.jpg')).toHaveAttribute('aria-selected', 'true');
});

test('library search marks what the index may have missed: folders changed since their last index', async ({ ferry }) => {
  const docs = path.join(ferry.home, 'Docs');
  tree(docs, { 'plans/plan-a.txt': 'a' });
  expect((await ferry.cli(['index', docs])).code).toBe(0);
  // Added after the index: the folder's mtime moves past the index's time.
  fs.writeFileSync(path.join(docs, 'plans', 'plan-b.txt'), 'b');
  const later = new Date(Date.now() + 10_000);
  fs.utimesSync(path.join(docs, 'plans'), later, later);

  const page = await ferry.open(ferry.home);
  await librarySearch(page).fill('plan-');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(results(page).getByRole('option')).toContainText('changed since indexed');
  await expect(page.getByRole('status').filter({ hasText: 'not yet indexed: 1 folder changed since' })).toBeVisible();

  expect((await ferry.cli(['index', docs])).code).toBe(0);
  const earlier = new Date(Date.now() - 60_000);
  fs.utimesSync(path.join(docs, 'plans'), earlier, earlier);
  await librarySearch(page).fill('');
  await librarySearch(page).fill('plan-');
  await expect(results(page).getByRole('option')).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'not yet indexed' })).toHaveCount(0);
});
