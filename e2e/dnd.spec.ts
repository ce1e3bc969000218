import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './fixtures/ferry';
import { ui, waitForCopy } from './fixtures/ui';
import { dragOver, drop, startDrag } from './fixtures/dnd';
import { tree } from '../test/helpers/tree';

test('drags a selection from one window onto a folder row in another; Ctrl makes it a copy', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'report.txt': 'report', 'data.csv': 'a,b\n1,2\n', 'stay.txt': 'stay' });
  const target = tree(path.join(ferry.home, 'target'), { 'inbox/.keep': '' });

  const windowA = await ferry.open(source);
  await ui.row(windowA, 'report.txt').click();
  await ui.row(windowA, 'data.csv').click({ modifiers: ['ControlOrMeta'] });
  const payload = await startDrag(windowA, 'data.csv');
  expect(JSON.parse(payload['application/x-ferry-paths']!)).toEqual([path.join(source, 'data.csv'), path.join(source, 'report.txt')]);

  const windowB = await ferry.open(target);
  await dragOver(windowB, 'inbox', payload, { ctrlKey: true });
  await expect(ui.row(windowB, 'inbox')).toHaveClass(/drop-target/);
  await drop(windowB, { ctrlKey: true });
  await expect(ui.row(windowB, 'inbox')).not.toHaveClass(/drop-target/);
  await waitForCopy(windowB);
  expect(fs.readFileSync(path.join(target, 'inbox', 'report.txt'), 'utf8')).toBe('report');
  expect(fs.readFileSync(path.join(target, 'inbox', 'data.csv'), 'utf8')).toBe('a,b\n1,2\n');
  expect(fs.existsSync(path.join(target, 'inbox', 'stay.txt'))).toBe(false);
  expect(fs.readdirSync(source).sort(), 'a copy leaves the originals').toEqual(['data.csv', 'report.txt', 'stay.txt']);
});

test('a drop on the list background lands in the current folder; onto its own folder it is refused', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'song.mp3': 'la la la' });
  const target = path.join(ferry.home, 'target');
  fs.mkdirSync(target);

  const windowA = await ferry.open(source);
  const payload = await startDrag(windowA, 'song.mp3');

  // Back onto the folder it came from: nothing to do, and the window says so.
  await dragOver(windowA, null, payload);
  await drop(windowA);
  await expect(windowA.getByText('That item is already in this folder')).toBeVisible();
  await expect(windowA.getByRole('dialog')).toHaveCount(0);

  const windowB = await ferry.open(target);
  await dragOver(windowB, null, payload, { ctrlKey: true });
  await expect(windowB.getByTestId('file-scroller')).toHaveClass(/drop-target/);
  await drop(windowB, { ctrlKey: true });
  await waitForCopy(windowB);
  expect(fs.readFileSync(path.join(target, 'song.mp3'), 'utf8')).toBe('la la la');
  await expect(ui.row(windowB, 'song.mp3')).toBeVisible();
});

test('"New Window" opens a second window at the same folder, which can paste what the first copied', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'memo.txt': 'memo' });
  const page = await ferry.open(source);
  await ui.row(page, 'memo.txt').click();
  await page.keyboard.press('ControlOrMeta+c');

  const opened = page.context().waitForEvent('page');
  await ui.row(page, 'memo.txt').click({ button: 'right' });
  await ui.menuItem(page, 'New Window').click();
  const second = await opened;
  await expect(ui.pathBar(second)).toHaveValue(source);
  await expect(ui.row(second, 'memo.txt')).toBeVisible();

  const elsewhere = path.join(ferry.home, 'elsewhere');
  fs.mkdirSync(elsewhere);
  await ui.pathBar(second).fill(elsewhere);
  await ui.pathBar(second).press('Enter');
  await expect(second.getByText('This folder is empty')).toBeVisible();
  await ui.grid(second).focus();
  await second.keyboard.press('ControlOrMeta+v');
  await waitForCopy(second);
  expect(fs.readFileSync(path.join(elsewhere, 'memo.txt'), 'utf8')).toBe('memo');
});
