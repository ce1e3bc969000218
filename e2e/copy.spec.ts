import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { test, expect } from './fixtures/ferry';
import { backgroundMenu, contextMenu, dialogTexts, recordDialogTexts, ui, waitForCopy } from './fixtures/ui';
import { snapshot, tree } from '../test/helpers/tree';

test('copies a selection in one window and pastes it in another; the bytes arrive', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), {
    'a.txt': 'alpha',
    'photo.bin': randomBytes(300_000),
    'sub/c.txt': 'see',
    'sub/deeper/d.txt': 'dee',
    'left-behind.txt': 'not selected',
  });
  const destination = path.join(ferry.home, 'destination');
  fs.mkdirSync(destination);

  const windowA = await ferry.open(source);
  await ui.row(windowA, 'a.txt').click();
  await ui.row(windowA, 'photo.bin').click({ modifiers: ['ControlOrMeta'] });
  await ui.row(windowA, 'sub').click({ modifiers: ['ControlOrMeta'] });
  await contextMenu(windowA, ui.row(windowA, 'a.txt'), 'Copy');

  const windowB = await ferry.open(destination);
  await recordDialogTexts(windowB);
  await backgroundMenu(windowB, 'Paste');

  const summary = await waitForCopy(windowB);
  expect(summary).toContain('4 items copied');
  await expect(ui.copyDialog(windowB)).toHaveAccessibleName('Copied 4 items');
  const texts = await dialogTexts(windowB);
  expect(texts[0]).toContain('Preparing to copy…');

  const expected = snapshot(source);
  delete expected['left-behind.txt'];
  expect(snapshot(destination)).toEqual(expected);

  // The destination window shows what arrived.
  await expect(ui.row(windowB, 'photo.bin')).toBeVisible();
  await expect(ui.row(windowB, 'sub')).toBeVisible();
  // A clean finish's dialog gets out of the way by itself (Finder's does).
  await expect(windowB.getByRole('dialog')).toHaveCount(0);
});

test('Ctrl+C and Ctrl+V copy into the current folder; a paste into the same folder is refused', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'one.txt': '1', 'two.txt': '22' });
  const destination = path.join(ferry.home, 'destination');
  fs.mkdirSync(destination);

  const page = await ferry.open(source);
  await ui.row(page, 'two.txt').click();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(page.getByText('That item is already in this folder')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Path' }).fill(destination);
  await page.getByRole('textbox', { name: 'Path' }).press('Enter');
  await expect(page.getByText('This folder is empty')).toBeVisible();
  await ui.grid(page).focus();
  await page.keyboard.press('ControlOrMeta+v');
  await waitForCopy(page);
  expect(fs.readFileSync(path.join(destination, 'two.txt'), 'utf8')).toBe('22');
  expect(fs.existsSync(path.join(destination, 'one.txt'))).toBe(false);
});

test('"Paste Into Folder" on a folder row copies into that folder', async ({ ferry }) => {
  const root = tree(path.join(ferry.home, 'work'), { 'report.txt': 'quarterly', 'archive/old.txt': 'old' });
  const page = await ferry.open(root);
  await contextMenu(page, ui.row(page, 'report.txt'), 'Copy');
  await ui.row(page, 'archive').click({ button: 'right' });
  await expect(ui.menuItem(page, 'Open')).toBeVisible();
  await expect(ui.menuItem(page, 'New Window')).toBeVisible();
  await expect(ui.menuItem(page, 'Show Jobs')).toBeVisible();
  await ui.menuItem(page, 'Paste Into Folder').click();
  await waitForCopy(page);
  expect(fs.readFileSync(path.join(root, 'archive', 'report.txt'), 'utf8')).toBe('quarterly');
});
