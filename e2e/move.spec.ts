import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot } from './fixtures/ferry';
import { contextMenu, goTo, ui, waitForCopy } from './fixtures/ui';
import { dragOver, drop, startDrag } from './fixtures/dnd';
import { tree } from '../test/helpers/tree';

const dropHint = (page: import('@playwright/test').Page) => page.getByRole('status', { name: 'Drop action' });

test('cut in one window dims the items in every window; paste in another moves them', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'report.txt': 'report', 'data.csv': 'a,b\n1,2\n', 'stay.txt': 'stay' });
  const backup = path.join(ferry.home, 'Backup');
  fs.mkdirSync(backup);

  const windowA = await ferry.open(source);
  await ui.row(windowA, 'report.txt').click();
  await ui.row(windowA, 'data.csv').click({ modifiers: ['ControlOrMeta'] });
  await windowA.keyboard.press('ControlOrMeta+x');
  await expect(ui.row(windowA, 'report.txt')).toHaveClass(/\bcut\b/);
  await expect(ui.row(windowA, 'stay.txt')).not.toHaveClass(/\bcut\b/);

  const windowB = await ferry.open(source);
  await expect(ui.row(windowB, 'data.csv')).toHaveClass(/\bcut\b/);
  await goTo(windowB, backup);
  await ui.grid(windowB).focus();
  await windowB.keyboard.press('ControlOrMeta+v');
  const summary = await waitForCopy(windowB);
  expect(summary).toContain('Moved 2 items');
  await expect(ui.copyDialog(windowB)).toHaveAccessibleName('Moved 2 items');

  expect(fs.readFileSync(path.join(backup, 'report.txt'), 'utf8')).toBe('report');
  expect(fs.readFileSync(path.join(backup, 'data.csv'), 'utf8')).toBe('a,b\n1,2\n');
  expect(fs.existsSync(path.join(source, 'report.txt'))).toBe(false);
  expect(fs.existsSync(path.join(source, 'data.csv'))).toBe(false);
  expect(fs.readdirSync(source)).toEqual(['stay.txt']);
  // The window on the source shows they left, and nothing stays dimmed.
  await expect(ui.row(windowA, 'report.txt')).toHaveCount(0);
  await expect(windowA.locator('.file-row.cut')).toHaveCount(0);

  await windowB.getByRole('button', { name: 'Jobs', exact: true }).click();
  await expect(ui.jobs(windowB).getByRole('listitem', { name: 'Move 2 items to “Backup”' })).toBeVisible();
});

test('a drag onto a folder on the same file system moves, and says "Move to" before the drop', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'song.mp3': 'la la la' });
  const target = tree(path.join(ferry.home, 'target'), { 'inbox/.keep': '' });

  const windowA = await ferry.open(source);
  const payload = await startDrag(windowA, 'song.mp3');
  const windowB = await ferry.open(target);
  await dragOver(windowB, 'inbox', payload);
  await expect(ui.row(windowB, 'inbox')).toHaveClass(/drop-target/);
  // Every cell of the highlighted row is as readable as its name (the grey of Kind and Modified is not, on green).
  const colors = await ui.row(windowB, 'inbox').locator('.cell').evaluateAll((cells) => cells.map((c) => getComputedStyle(c).color));
  expect(new Set(colors).size).toBe(1);
  await expect(dropHint(windowB)).toHaveText('Move to “inbox”');
  await saveScreenshot(windowB, 'drag-move-hint');
  await drop(windowB);
  await expect(dropHint(windowB)).toHaveText('');
  expect(await waitForCopy(windowB)).toContain('Moved 1 item');

  expect(fs.readFileSync(path.join(target, 'inbox', 'song.mp3'), 'utf8')).toBe('la la la');
  expect(fs.existsSync(path.join(source, 'song.mp3'))).toBe(false);
});

test('holding Ctrl (Option on macOS) makes the same drag copy, and the target says "Copy to"', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'photo.jpg': 'jpeg bytes' });
  const target = path.join(ferry.home, 'target');
  fs.mkdirSync(target);

  const windowA = await ferry.open(source);
  const payload = await startDrag(windowA, 'photo.jpg');
  const windowB = await ferry.open(target);
  await dragOver(windowB, null, payload);
  await expect(dropHint(windowB)).toHaveText('Move to “target”');
  await dragOver(windowB, null, payload, { ctrlKey: true });
  await expect(dropHint(windowB)).toHaveText('Copy to “target”');
  await drop(windowB, { ctrlKey: true });
  expect(await waitForCopy(windowB)).toContain('Copied 1 item');

  expect(fs.readFileSync(path.join(target, 'photo.jpg'), 'utf8')).toBe('jpeg bytes');
  expect(fs.readFileSync(path.join(source, 'photo.jpg'), 'utf8')).toBe('jpeg bytes');
});

test('a drag onto a folder on another file system copies, and says "Copy to"', async ({ ferry }) => {
  const mounted = path.join(ferry.home, 'usb');
  fs.mkdirSync(mounted);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mounted], { stdio: 'pipe' });
  } catch (err) {
    test.skip(true, `a second file system needs root to mount a tmpfs (${(err as Error).message.split('\n')[0]})`);
  }
  try {
    fs.mkdirSync(path.join(mounted, 'Photos'));
    const source = tree(path.join(ferry.home, 'source'), { 'trip.jpg': 'trip bytes' });
    const windowA = await ferry.open(source);
    const payload = await startDrag(windowA, 'trip.jpg');
    const windowB = await ferry.open(mounted);
    await dragOver(windowB, 'Photos', payload);
    await expect(dropHint(windowB)).toHaveText('Copy to “Photos”');
    await drop(windowB);
    expect(await waitForCopy(windowB)).toContain('Copied 1 item');
    expect(fs.readFileSync(path.join(mounted, 'Photos', 'trip.jpg'), 'utf8')).toBe('trip bytes');
    expect(fs.readFileSync(path.join(source, 'trip.jpg'), 'utf8')).toBe('trip bytes');
  } finally {
    try { execFileSync('umount', ['-l', mounted]); } catch { /* not mounted */ }
  }
});

test('"Move to…" and "Copy to…" take a typed folder (~, Tab completes), refuse one that is not there, then move or copy', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
  const archive = path.join(ferry.home, 'Archive 2026');
  fs.mkdirSync(archive);
  const page = await ferry.open(source);

  await ui.row(page, 'a.txt').click();
  await ui.row(page, 'b.txt').click({ modifiers: ['ControlOrMeta'] });
  await contextMenu(page, ui.row(page, 'b.txt'), 'Move to…');
  const dialog = page.getByRole('dialog', { name: 'Move 2 Items to…' });
  const folder = dialog.getByRole('textbox', { name: 'Folder' });
  await expect(folder).toBeFocused();
  await expect(folder).toHaveValue(source);
  await folder.fill('~/Archive 2025');
  await folder.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('Archive 2025');
  await expect(ui.row(page, 'a.txt')).toBeVisible();
  await folder.fill('~/Arc');
  await folder.press('Tab');
  await expect(folder).toHaveValue('~/Archive 2026/');
  await saveScreenshot(page, 'move-to');
  await folder.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(await waitForCopy(page)).toContain('Moved 2 items');
  expect(fs.readdirSync(archive).sort()).toEqual(['a.txt', 'b.txt']);
  expect(fs.readdirSync(source)).toEqual(['c.txt']);

  await contextMenu(page, ui.row(page, 'c.txt'), 'Copy to…');
  const copyDialog = page.getByRole('dialog', { name: 'Copy “c.txt” to…' });
  await copyDialog.getByRole('textbox', { name: 'Folder' }).fill('../Archive 2026');
  await copyDialog.getByRole('button', { name: 'Copy' }).click();
  expect(await waitForCopy(page)).toContain('Copied 1 item');
  expect(fs.readFileSync(path.join(archive, 'c.txt'), 'utf8')).toBe('c');
  expect(fs.readFileSync(path.join(source, 'c.txt'), 'utf8')).toBe('c');
});
