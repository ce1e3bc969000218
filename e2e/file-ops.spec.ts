/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the page, so this file also sees the DOM types.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot } from './fixtures/ferry';
import { backgroundMenu, rowNames, ui } from './fixtures/ui';
import { tree } from '../test/helpers/tree';

const nameField = (page: import('@playwright/test').Page) => page.getByRole('textbox', { name: 'Name', exact: true });

test('renames inline: F2 opens a field named "Name" with the stem selected; Enter renames; a taken name is refused; Esc cancels', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'Reports'), { 'report.final.txt': 'R', 'other.txt': 'O' });
  const page = await ferry.open(folder);
  await ui.row(page, 'report.final.txt').click();
  await page.keyboard.press('F2');
  const field = nameField(page);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('report.final.txt');
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 'report.final'.length]);
  await page.keyboard.type('Summary 2026');
  await expect(field).toHaveValue('Summary 2026.txt');
  await saveScreenshot(page, 'rename');
  await page.keyboard.press('Enter');
  await expect(ui.row(page, 'Summary 2026.txt')).toBeVisible();
  await expect(ui.row(page, 'Summary 2026.txt')).toHaveAttribute('aria-selected', 'true');
  expect(fs.readdirSync(folder).sort()).toEqual(['Summary 2026.txt', 'other.txt']);
  expect(fs.readFileSync(path.join(folder, 'Summary 2026.txt'), 'utf8')).toBe('R');

  // A taken name: refused next to the field, which stays open; nothing changes on disk.
  await page.keyboard.press('F2');
  await nameField(page).fill('other.txt');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toHaveText('“other.txt” already exists in this folder: choose another name.');
  await expect(nameField(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nameField(page)).toBeHidden();
  expect(await rowNames(page)).toEqual(['other.txt', 'Summary 2026.txt']);
  expect(fs.readFileSync(path.join(folder, 'other.txt'), 'utf8')).toBe('O');
});

test('New Folder from the background menu and Ctrl+Shift+N: "New Folder", then "New Folder 2", each in rename', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'Work'), { 'a.txt': 'a' });
  const page = await ferry.open(folder);
  await expect(ui.row(page, 'a.txt')).toBeVisible();
  await backgroundMenu(page, 'New Folder');
  await expect(nameField(page)).toHaveValue('New Folder');
  await expect(nameField(page)).toBeFocused();
  await page.keyboard.type('Photos');
  await page.keyboard.press('Enter');
  await expect(ui.row(page, 'Photos')).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ControlOrMeta+Shift+N');
  await expect(nameField(page)).toHaveValue('New Folder');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Shift+N');
  await expect(nameField(page)).toHaveValue('New Folder 2');
  await page.keyboard.press('Escape');
  await expect(ui.row(page, 'New Folder 2')).toHaveAttribute('aria-selected', 'true');
  expect(fs.readdirSync(folder).sort()).toEqual(['New Folder', 'New Folder 2', 'Photos', 'a.txt']);
  expect(fs.statSync(path.join(folder, 'New Folder 2')).isDirectory()).toBe(true);
});

test('Shift+Delete asks in an alertdialog naming what goes; Cancel keeps everything, Delete removes it for good', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'Old'), { 'a.txt': 'a', 'drafts/d1.txt': '1', 'drafts/deep/d2.txt': '2', 'c.txt': 'c', 'keep.txt': 'k' });
  const page = await ferry.open(folder);
  await ui.row(page, 'drafts').click();
  await ui.row(page, 'a.txt').click({ modifiers: ['ControlOrMeta'] });
  await ui.row(page, 'c.txt').click({ modifiers: ['ControlOrMeta'] });
  await page.keyboard.press('Shift+Delete');
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toHaveAccessibleName('Delete “drafts” and 2 other items permanently?');
  await expect(confirm).toHaveAccessibleDescription(/not moved to the Trash\. This cannot be undone\./);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(fs.readdirSync(folder).sort()).toEqual(['a.txt', 'c.txt', 'drafts', 'keep.txt']);

  await page.keyboard.press('Shift+Delete');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['keep.txt']);
  expect(fs.readdirSync(folder)).toEqual(['keep.txt']);

  // The delete ran as a job: the jobs list shows it and how it ended (6 items: 2 files, the folder and its 3 entries).
  await page.getByRole('button', { name: 'Jobs' }).click();
  const job = ui.jobs(page).getByRole('listitem', { name: 'Delete 3 items' });
  await expect(job).toContainText('Done');
  await expect(job).toContainText('6 of 6 items deleted');
});

test('Open in the browser host: a text file opens in a new tab showing its contents', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'Notes'), { 'hello.txt': 'Hello from Ferry’s disk\n' });
  const page = await ferry.open(folder);
  const opened = page.context().waitForEvent('page');
  await ui.row(page, 'hello.txt').dblclick();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe('/file');
  await expect(tab.locator('body')).toHaveText('Hello from Ferry’s disk');
  await expect(ui.pathBar(page)).toHaveValue(folder);
});
