/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the page, so this file also sees the DOM types.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot, type Page } from './fixtures/ferry';
import { contextMenu, ui } from './fixtures/ui';
import { startDrag } from './fixtures/dnd';
import { tree } from '../test/helpers/tree';

/** The Trash in the app (docs/file-operations.md "Trash"): the server's $XDG_DATA_HOME is the test's own. */
const trash = {
  place: (page: Page) => page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: 'Trash', exact: true }),
  table: (page: Page) => page.getByRole('grid', { name: 'Trashed items' }),
  row: (page: Page, name: string) => page.getByRole('grid', { name: 'Trashed items' }).getByRole('row', { name, exact: true }),
  files: (home: string) => path.join(home, '.local/share/Trash/files'),
};

test('Delete moves the selection to the Trash; the Trash view lists it and Restore puts it back on disk', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'Docs'), { 'report.txt': 'the report', 'notes.md': 'notes', 'keep.txt': 'k' });
  const page = await ferry.open(folder);
  await ui.row(page, 'report.txt').click();
  await ui.row(page, 'notes.md').click({ modifiers: ['Control'] });
  await page.keyboard.press('Delete');
  await expect(ui.row(page, 'report.txt')).toHaveCount(0);
  await expect(ui.row(page, 'notes.md')).toHaveCount(0);
  expect(fs.readdirSync(folder)).toEqual(['keep.txt']);
  expect(fs.readdirSync(trash.files(ferry.home)).sort()).toEqual(['notes.md', 'report.txt']);

  await trash.place(page).click();
  await expect(trash.row(page, 'report.txt')).toBeVisible();
  await expect(trash.row(page, 'report.txt').getByRole('gridcell').nth(1)).toHaveText(folder);
  await expect(trash.row(page, 'notes.md')).toBeVisible();
  // The status bar counts the Trash's items, not the folder's left behind.
  await expect(page.locator('.status-bar')).toContainText('2 items');
  await trash.row(page, 'report.txt').click();
  await expect(page.locator('.status-bar')).toContainText('2 items, 1 selected, 10 bytes');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(trash.row(page, 'report.txt')).toHaveCount(0);
  expect(fs.readFileSync(path.join(folder, 'report.txt'), 'utf8')).toBe('the report');
  expect(fs.readdirSync(trash.files(ferry.home))).toEqual(['notes.md']);

  // Back to a folder by the path bar: the Trash view closes, and the restored file is listed.
  await page.getByRole('textbox', { name: 'Path' }).fill(ferry.home);
  await page.getByRole('textbox', { name: 'Path' }).press('Enter');
  await expect(ui.row(page, 'Docs')).toBeVisible();
  await ui.row(page, 'Docs').dblclick();
  await expect(ui.row(page, 'report.txt')).toBeVisible();

  // Ctrl+Backspace (Cmd+Backspace on macOS) moves to the Trash too; plain Backspace stays "Back".
  await ui.row(page, 'keep.txt').click();
  await page.keyboard.press('Control+Backspace');
  await expect(ui.row(page, 'keep.txt')).toHaveCount(0);
  expect(fs.readdirSync(trash.files(ferry.home)).sort()).toEqual(['keep.txt', 'notes.md']);
  expect(fs.readdirSync(folder)).toEqual(['report.txt']);
});

test('the context menu and a drop on the sidebar\'s Trash trash; a taken place asks Keep Both; Delete Permanently and Empty Trash confirm', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'Work'), { 'plan.txt': 'v1', 'draft.md': 'draft', 'big/inner.bin': Buffer.alloc(5000, 7) });
  const page = await ferry.open(folder);
  await contextMenu(page, ui.row(page, 'plan.txt'), 'Move to Trash');
  await expect(ui.row(page, 'plan.txt')).toHaveCount(0);

  const payload = await startDrag(page, 'big');
  await page.evaluate((data) => {
    const target = [...document.querySelectorAll('nav button')].find((b) => b.textContent === 'Trash')!;
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(data)) dt.setData(type, value);
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, payload);
  await expect(ui.row(page, 'big')).toHaveCount(0);
  expect(fs.readdirSync(folder)).toEqual(['draft.md']);

  // The place is taken when the restore comes: Keep Both brings it back beside.
  fs.writeFileSync(path.join(folder, 'plan.txt'), 'v2');
  await trash.place(page).click();
  await expect(trash.row(page, 'big')).toBeVisible();
  await expect(trash.row(page, 'big').getByRole('gridcell').nth(3)).toHaveText('5.0 KB');
  await saveScreenshot(page, 'trash-view');
  await trash.row(page, 'plan.txt').dblclick();
  const ask = page.getByRole('alertdialog', { name: 'An item named “plan.txt” already exists in “' + folder + '”' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep Both' }).click();
  await expect(ask).toBeHidden();
  expect(fs.readFileSync(path.join(folder, 'plan 2.txt'), 'utf8')).toBe('v1');
  expect(fs.readFileSync(path.join(folder, 'plan.txt'), 'utf8')).toBe('v2');

  await trash.row(page, 'big').click();
  await page.getByRole('button', { name: 'Delete Permanently' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “big” permanently?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(fs.existsSync(path.join(trash.files(ferry.home), 'big'))).toBe(true);
  await page.getByRole('button', { name: 'Delete Permanently' }).click();
  await confirm.getByRole('button', { name: 'Delete Permanently' }).click();
  await expect(trash.row(page, 'big')).toHaveCount(0);
  expect(fs.existsSync(path.join(trash.files(ferry.home), 'big'))).toBe(false);

  await trash.place(page).click();
  fs.mkdirSync(path.join(folder, 'x'));
  await ferry.cli(['trash', path.join(folder, 'x'), path.join(folder, 'draft.md')]);
  await trash.place(page).click();
  await expect(trash.row(page, 'draft.md')).toBeVisible();
  await page.getByRole('button', { name: 'Empty Trash' }).click();
  const empty = page.getByRole('alertdialog', { name: 'Empty the Trash (2 items)?' });
  await empty.getByRole('button', { name: 'Empty Trash' }).click();
  await expect(page.getByText('The Trash is empty')).toBeVisible();
  expect(fs.readdirSync(trash.files(ferry.home))).toEqual([]);
});
