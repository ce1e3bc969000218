/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the page, so this file also sees the DOM types.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot } from './fixtures/ferry';
import { goTo, rowNames, ui } from './fixtures/ui';
import { tree } from '../test/helpers/tree';

function makeTree(root: string): string {
  const folder = path.join(root, 'Projects');
  tree(folder, {
    'photos/beach.jpg': Buffer.alloc(4000, 1),
    'photos/dune.jpg': Buffer.alloc(9000, 2),
    'b 9.txt': 'nine',
    'b 10.txt': 'ten ten ten ten',
    'notes.md': 'x'.repeat(2500),
    '.secret': 'hidden',
    'empty': { dir: true },
  });
  return folder;
}

test('browses a real folder: folders first, natural order, into a folder and back', async ({ ferry }) => {
  const folder = makeTree(ferry.home);
  const page = await ferry.open(folder);

  await expect(ui.row(page, 'photos')).toBeVisible();
  expect(await rowNames(page)).toEqual(['empty', 'photos', 'b 9.txt', 'b 10.txt', 'notes.md']);
  await expect(ui.row(page, 'notes.md').getByRole('gridcell').nth(1)).toHaveText('2.5 KB');

  await ui.row(page, 'photos').dblclick();
  await expect(ui.pathBar(page)).toHaveValue(path.join(folder, 'photos'));
  expect(await rowNames(page)).toEqual(['beach.jpg', 'dune.jpg']);

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(ui.pathBar(page)).toHaveValue(folder);
  // Back out of a folder selects it (the folder you came from).
  await expect(ui.row(page, 'photos')).toHaveAttribute('aria-selected', 'true');

  // Keyboard: focus the list, move up to "empty" and down to "photos", Enter opens it; Backspace goes back.
  await ui.grid(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect(ui.row(page, 'empty')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(ui.row(page, 'photos')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(ui.pathBar(page)).toHaveValue(path.join(folder, 'photos'));
  await page.keyboard.press('Backspace');
  await expect(ui.pathBar(page)).toHaveValue(folder);

  await page.getByRole('button', { name: 'Up' }).click();
  await expect(ui.pathBar(page)).toHaveValue(ferry.home);
  await expect(ui.row(page, 'Projects')).toBeVisible();

});

test('sorts by a column header, and shows hidden files on request', async ({ ferry }) => {
  const folder = makeTree(ferry.home);
  const page = await ferry.open(folder);
  await expect(ui.row(page, 'notes.md')).toBeVisible();

  await page.getByRole('columnheader', { name: /Size/ }).click();
  expect(await rowNames(page)).toEqual(['empty', 'photos', 'b 9.txt', 'b 10.txt', 'notes.md']);
  await expect(page.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('columnheader', { name: /Size/ }).click();
  await expect(page.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'descending');
  expect(await rowNames(page)).toEqual(['photos', 'empty', 'notes.md', 'b 10.txt', 'b 9.txt']);

  await expect(ui.row(page, '.secret')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Hidden files' }).check();
  await expect(ui.row(page, '.secret')).toBeVisible();
});

test('a folder bigger than one page: every entry is listed, and a sort spans the pages', async ({ ferry }) => {
  // The UI asks for 300 rows first and then pages of 10,000: this folder takes three replies.
  const FILES = 10_650;
  const folder = path.join(ferry.home, 'Many');
  fs.mkdirSync(folder);
  for (let i = 1; i <= FILES; i++) fs.writeFileSync(path.join(folder, `file ${i}.txt`), '');
  // The biggest files and the only folder come last by name, so only the last page holds them.
  fs.writeFileSync(path.join(folder, `file ${FILES - 1}.txt`), 'x'.repeat(3000));
  fs.writeFileSync(path.join(folder, `file ${FILES - 2}.txt`), 'x'.repeat(2000));
  fs.mkdirSync(path.join(folder, 'zz folder'));

  const page = await ferry.open(folder);
  // Sort by size as soon as rows show, pages may still be arriving: the end result must not depend on when.
  await expect(ui.row(page, 'zz folder')).toBeVisible();
  await page.getByRole('columnheader', { name: /Size/ }).click();
  await page.getByRole('columnheader', { name: /Size/ }).click();
  await expect(page.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByText(`${(FILES + 1).toLocaleString('en-US')} items`)).toBeVisible();
  expect((await rowNames(page)).slice(0, 3)).toEqual(['zz folder', `file ${FILES - 1}.txt`, `file ${FILES - 2}.txt`]);

  // Back to names: natural order across the pages, and the very last entry is there.
  await page.getByRole('columnheader', { name: /Name/ }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  expect((await rowNames(page)).slice(0, 4)).toEqual(['zz folder', 'file 1.txt', 'file 2.txt', 'file 3.txt']);
  await ui.grid(page).focus();
  await page.keyboard.press('End');
  await expect(ui.row(page, `file ${FILES}.txt`)).toHaveAttribute('aria-selected', 'true');
  await expect(ui.row(page, `file ${FILES}.txt`)).toHaveAttribute('aria-rowindex', String(FILES + 2));
  const names = await rowNames(page);
  expect(names.slice(-3)).toEqual([`file ${FILES - 2}.txt`, `file ${FILES - 1}.txt`, `file ${FILES}.txt`]);
});

test('selects with click, Shift-click, Ctrl-click and Ctrl+A', async ({ ferry }) => {
  const folder = makeTree(ferry.home);
  const page = await ferry.open(folder);
  const selected = () => ui.grid(page).locator('[role="row"][aria-selected="true"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));

  await ui.row(page, 'empty').click();
  await ui.row(page, 'b 10.txt').click({ modifiers: ['Shift'] });
  expect(await selected()).toEqual(['empty', 'photos', 'b 9.txt', 'b 10.txt']);
  await ui.row(page, 'photos').click({ modifiers: ['ControlOrMeta'] });
  expect(await selected()).toEqual(['empty', 'b 9.txt', 'b 10.txt']);
  await expect(page.getByText('5 items, 3 selected')).toBeVisible();

  await ui.row(page, 'notes.md').click();
  expect(await selected()).toEqual(['notes.md']);
  await page.keyboard.press('ControlOrMeta+a');
  expect(await selected()).toEqual(['empty', 'photos', 'b 9.txt', 'b 10.txt', 'notes.md']);
});

test('the path bar opens a typed folder and says when it does not exist', async ({ ferry }) => {
  const folder = makeTree(ferry.home);
  const page = await ferry.open(ferry.home);
  await goTo(page, path.join(folder, 'photos'));
  await expect(ui.row(page, 'dune.jpg')).toBeVisible();

  await ui.pathBar(page).fill(path.join(folder, 'nowhere'));
  await ui.pathBar(page).press('Enter');
  await expect(page.getByRole('alert')).toContainText('No such file or directory');
});

test('the sidebar lists places and adds a location, indexed', async ({ ferry }) => {
  const folder = makeTree(ferry.home);
  fs.mkdirSync(path.join(ferry.home, 'Documents'));
  const page = await ferry.open(folder);

  const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
  await sidebar.getByRole('button', { name: 'Documents' }).click();
  await expect(ui.pathBar(page)).toHaveValue(path.join(ferry.home, 'Documents'));
  await expect(page.getByText('This folder is empty')).toBeVisible();

  await sidebar.getByRole('button', { name: 'Add location…' }).click();
  await sidebar.getByRole('textbox', { name: 'Location path' }).fill(folder);
  await sidebar.getByRole('button', { name: 'Add', exact: true }).click();
  const location = page.getByRole('list', { name: 'Locations' }).getByRole('button', { name: 'Projects' });
  await expect(location).toBeVisible();
  // The indexer skips hidden files by default: 5 files indexed (.secret is not).
  await expect(location).toHaveAttribute('title', `${folder} — 5 files indexed`);
  await location.click();
  await expect(ui.pathBar(page)).toHaveValue(folder);
  await ui.row(page, 'notes.md').click();
  await saveScreenshot(page, 'browser-window');
  // The dark theme follows the system's setting.
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(lightBackground);
  await saveScreenshot(page, 'browser-window-dark');
});

test('a listing the engine let go of mid-way is listed again, whole', async ({ ferry, context }) => {
  // The engine keeps 4 big listings (the least recently used goes first). Window A's request for its second
  // page is held back until window B has listed 4 other big folders, so A's listing is gone when it arrives.
  const bigFolder = (name: string, files: number) => {
    const folder = path.join(ferry.home, name);
    fs.mkdirSync(folder);
    for (let i = 1; i <= files; i++) fs.writeFileSync(path.join(folder, `${name} ${i}.txt`), '');
    return folder;
  };
  const big = bigFolder('Big', 1_200);
  // Each a different size, so that each one's "N items" says its own listing is complete.
  const others = ['One', 'Two', 'Three', 'Four'].map((name, i) => ({ folder: bigFolder(name, 400 + i), count: 400 + i }));

  let held: { send: () => void } | null = null;
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  const expired: string[] = [];
  await context.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      if (!held && String(m).includes('"listFolderPage"')) {
        held = { send: () => server.send(m) };
        void released.then(() => held!.send());
        return;
      }
      server.send(m);
    });
    server.onMessage((m) => {
      if (String(m).includes('LISTING_EXPIRED')) expired.push(String(m));
      ws.send(m);
    });
  });

  const windowA = await ferry.open(big);
  await expect(ui.row(windowA, 'Big 1.txt')).toBeVisible();
  await expect.poll(() => held !== null).toBe(true);
  await expect(windowA.getByText('Listing… 300 of 1,200')).toBeVisible();

  const windowB = await ferry.open(others[0]!.folder);
  for (const [i, { folder, count }] of others.entries()) {
    if (i > 0) await goTo(windowB, folder);
    await expect(windowB.getByText(`${count} items`)).toBeVisible();
  }
  release();

  await expect(windowA.getByText('1,200 items')).toBeVisible({ timeout: 30_000 });
  expect(expired.length).toBe(1);
  await expect(windowA.getByRole('alert')).toHaveCount(0);
  await ui.grid(windowA).focus();
  await windowA.keyboard.press('End');
  await expect(ui.row(windowA, 'Big 1200.txt')).toHaveAttribute('aria-rowindex', String(1_200 + 1));
});

test('what is typed in the path bar survives a listing that lands meanwhile', async ({ ferry, context }) => {
  const folder = makeTree(ferry.home);
  const elsewhere = tree(path.join(ferry.home, 'Elsewhere'), { 'here.txt': 'x' });
  // The listing of `photos` is held back until the typing is done.
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await context.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      if (String(m).includes('"listFolder"') && String(m).includes('photos')) void released.then(() => server.send(m));
      else server.send(m);
    });
    server.onMessage((m) => ws.send(m));
  });
  const page = await ferry.open(folder);
  await ui.row(page, 'photos').dblclick();
  await ui.pathBar(page).fill(elsewhere);
  release();
  await expect(ui.row(page, 'beach.jpg')).toBeVisible();
  await expect(ui.pathBar(page)).toHaveValue(elsewhere);
  await ui.pathBar(page).press('Enter');
  await expect(ui.row(page, 'here.txt')).toBeVisible();
});
