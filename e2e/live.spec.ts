/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the page, so this file also sees the DOM types.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, type Page } from './fixtures/ferry';
import { backgroundMenu, contextMenu, rowNames, ui } from './fixtures/ui';
import { tree } from '../test/helpers/tree';

/** A mark in the page that a reload would wipe: the window is the same one as long as it is there. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => { (window as unknown as { __sameWindow: boolean }).__sameWindow = true; });
}
async function sameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow === true);
}

test('a file written outside Ferry shows in every window on its folder, without a reload, the selection kept', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'live'), { 'b.txt': 'b', 'd.txt': 'd' });
  const first = await ferry.open(folder);
  const second = await ferry.open(folder);
  await markWindow(first);
  await ui.row(first, 'd.txt').click();
  await expect(ui.row(first, 'd.txt')).toHaveAttribute('aria-selected', 'true');

  fs.writeFileSync(path.join(folder, 'a.txt'), 'written by the test');
  for (const page of [first, second]) await expect(ui.row(page, 'a.txt')).toBeVisible();
  expect(await rowNames(first)).toEqual(['a.txt', 'b.txt', 'd.txt']);
  await expect(ui.row(first, 'd.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.row(first, 'a.txt').getByRole('gridcell').nth(1)).toHaveText('19 bytes');

  fs.renameSync(path.join(folder, 'b.txt'), path.join(folder, 'c.txt'));
  fs.rmSync(path.join(folder, 'a.txt'));
  for (const page of [first, second]) {
    await expect(ui.row(page, 'c.txt')).toBeVisible();
    await expect(ui.row(page, 'b.txt')).toHaveCount(0);
    await expect(ui.row(page, 'a.txt')).toHaveCount(0);
  }
  await expect(ui.row(first, 'd.txt')).toHaveAttribute('aria-selected', 'true');
  expect(await sameWindow(first)).toBe(true);
});

test('F5 and Ctrl+R read the folder again in the app, not a reload of the window', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'refresh'), { 'one.txt': '1' });
  const page = await ferry.open(folder);
  await markWindow(page);
  const requestedAt = () => page.evaluate(() => performance.getEntriesByName('ferry:list-request').at(-1)?.startTime ?? -1);
  for (const key of ['F5', 'Control+r']) {
    const before = await requestedAt();
    await page.keyboard.press(key);
    await expect.poll(requestedAt).toBeGreaterThan(before);
    await expect(ui.row(page, 'one.txt')).toBeVisible();
  }
  expect(await sameWindow(page)).toBe(true);
});

test('pasted items are selected once they land, and the finished dialog closes by itself', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'pasted.txt': 'p', 'also/x.txt': 'x' });
  const destination = tree(path.join(ferry.home, 'destination'), { 'aaa.txt': 'a', 'zzz.txt': 'z' });
  const page = await ferry.open(source);
  await ui.grid(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await contextMenu(page, ui.row(page, 'pasted.txt'), 'Copy');
  await ui.pathBar(page).fill(destination);
  await ui.pathBar(page).press('Enter');
  await expect(ui.row(page, 'aaa.txt')).toBeVisible();
  await backgroundMenu(page, 'Paste');
  await expect(ui.row(page, 'pasted.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.row(page, 'also')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.row(page, 'aaa.txt')).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(fs.readFileSync(path.join(destination, 'pasted.txt'), 'utf8')).toBe('p');
});

test('a file renamed outside Ferry stays selected under its new name; one moved out of the folder leaves the selection', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'renames'), { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
  const page = await ferry.open(folder);
  await ui.row(page, 'b.txt').click();
  await ui.row(page, 'c.txt').click({ modifiers: ['ControlOrMeta'] });
  // The watch is live once a file written now shows.
  fs.writeFileSync(path.join(folder, 'ready.txt'), 'r');
  await expect(ui.row(page, 'ready.txt')).toBeVisible();

  fs.renameSync(path.join(folder, 'b.txt'), path.join(folder, 'renamed.txt'));
  await expect(ui.row(page, 'renamed.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.row(page, 'b.txt')).toHaveCount(0);
  await expect(ui.row(page, 'c.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('contentinfo')).toContainText('2 selected');

  fs.renameSync(path.join(folder, 'c.txt'), path.join(ferry.home, 'c.txt'));
  await expect(ui.row(page, 'c.txt')).toHaveCount(0);
  await expect(ui.row(page, 'renamed.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('contentinfo')).toContainText('1 selected');
  expect(await rowNames(page)).toEqual(['a.txt', 'ready.txt', 'renamed.txt']);
  await expect(ui.row(page, 'a.txt')).toHaveAttribute('aria-selected', 'false');
});

test('a file renamed outside Ferry while its name is being edited: the field follows it, with the name typed so far', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'rename-while-typing'), { 'a.txt': 'a', 'b.txt': 'b', 'm.txt': 'm' });
  const page = await ferry.open(folder);
  fs.writeFileSync(path.join(folder, 'ready.txt'), 'r');
  await expect(ui.row(page, 'ready.txt')).toBeVisible();
  await ui.row(page, 'b.txt').click();
  await page.keyboard.press('F2');
  const field = page.getByRole('textbox', { name: 'Name' });
  await expect(field).toBeFocused();
  await page.keyboard.type('typed');

  // Another program renames it: its row moves from the second place to the last.
  fs.renameSync(path.join(folder, 'b.txt'), path.join(folder, 'z.txt'));
  await expect(ui.row(page, 'b.txt')).toHaveCount(0);
  await expect(ui.row(page, 'z.txt').getByRole('textbox', { name: 'Name' })).toHaveValue('typed.txt');
  await expect(field).toBeFocused();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
  await expect(ui.row(page, 'typed.txt2')).toBeVisible();
  expect(fs.readdirSync(folder).sort()).toEqual(['a.txt', 'm.txt', 'ready.txt', 'typed.txt2']);
});

/** The row at the top edge of the list's view, and where it is on the page (y, px). */
async function topRow(page: Page): Promise<{ name: string; y: number; scrollTop: number }> {
  return page.getByTestId('file-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const rows = [...scroller.querySelectorAll<HTMLElement>('[role="row"][aria-rowindex]')]
      .map((r) => ({ name: r.getAttribute('aria-label') ?? '', rect: r.getBoundingClientRect() }))
      .filter((r) => r.rect.bottom > top)
      .sort((a, b) => a.rect.top - b.rect.top);
    return { name: rows[0]!.name, y: rows[0]!.rect.top, scrollTop: scroller.scrollTop };
  });
}

/** After the next two frames: React's commit and the paint after it. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

test('files created or deleted above the rows on screen leave those rows where they are, to the pixel', async ({ ferry }) => {
  const folder = path.join(ferry.home, 'long');
  fs.mkdirSync(folder);
  for (let i = 0; i < 2000; i++) fs.writeFileSync(path.join(folder, `file-${String(i).padStart(4, '0')}.txt`), '');
  const page = await ferry.open(folder);
  const grid = ui.grid(page);
  await expect(grid).toHaveAttribute('aria-rowcount', '2001');
  // The watch is live once a file written now shows (it sorts last: the count says it).
  fs.writeFileSync(path.join(folder, 'zz-ready.txt'), '');
  await expect(grid).toHaveAttribute('aria-rowcount', '2002');

  // The focused row, scrolled away from: the rows coming above move its index, which must not scroll to it.
  await ui.row(page, 'file-0001.txt').click();
  const rowHeight = await ui.row(page, 'file-0000.txt').evaluate((r) => r.getBoundingClientRect().height);
  await page.getByTestId('file-scroller').evaluate((el, h) => { el.scrollTop = 1000 * h + 11; }, rowHeight);
  await expect(ui.row(page, 'file-1000.txt')).toBeVisible();
  await frames(page);
  const before = await topRow(page);
  expect(before.name).toBe('file-1000.txt');

  for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(folder, `0000-${String(i).padStart(2, '0')}.txt`), '');
  await expect(grid).toHaveAttribute('aria-rowcount', '2052');
  await frames(page);
  const after = await topRow(page);
  expect(after.name).toBe(before.name);
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);
  expect(after.scrollTop - before.scrollTop).toBeCloseTo(50 * rowHeight, 0);
  await expect(page.getByRole('contentinfo')).toContainText('1 selected');

  for (let i = 0; i < 50; i++) fs.rmSync(path.join(folder, `0000-${String(i).padStart(2, '0')}.txt`));
  await expect(grid).toHaveAttribute('aria-rowcount', '2002');
  await frames(page);
  const back = await topRow(page);
  expect(back.name).toBe(before.name);
  expect(Math.abs(back.y - before.y)).toBeLessThanOrEqual(1);
});
