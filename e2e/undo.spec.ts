import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, type Page } from './fixtures/ferry';
import { copyAllInto, ui, waitForCopy } from './fixtures/ui';
import { tree } from '../test/helpers/tree';
import { openLibrary } from '../src/main/engine/db/library';
import { historyOn } from '../test/helpers/history';

/** a.txt renamed to b.txt and recorded in the library, as another window or process records a rename. */
function renamedElsewhere(db: string, dir: string): void {
  fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  const library = openLibrary(db);
  historyOn(library, db).recordRename(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  library.close();
}

/** Opens the toolbar's Edit menu and checks its two items: what each says, and which is enabled. */
async function expectEditMenu(page: Page, undo: string, redo: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit' }).click();
  const items = ui.menu(page).getByRole('menuitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAccessibleName(undo);
  await expect(items.nth(1)).toHaveAccessibleName(redo);
  for (const [i, label] of [undo, redo].entries()) {
    if (label === 'Undo' || label === 'Redo') await expect(items.nth(i)).toHaveAttribute('aria-disabled', 'true');
    else await expect(items.nth(i)).not.toHaveAttribute('aria-disabled', 'true');
  }
  await page.keyboard.press('Escape');
  await expect(ui.menu(page)).toHaveCount(0);
}

test('Ctrl+Z undoes a rename (done in another window) and Ctrl+Shift+Z redoes it; the Edit menu says so', async ({ ferry }) => {
  const dir = tree(path.join(ferry.home, 'docs'), { 'a.txt': 'hello', 'other.txt': 'o' });
  const page = await ferry.open(dir);
  await expect(ui.row(page, 'a.txt')).toBeVisible();
  await expectEditMenu(page, 'Undo', 'Redo');

  renamedElsewhere(ferry.db, dir);
  // The window polls the shared history: the rename shows up in its list and its Edit menu.
  await expect(ui.row(page, 'b.txt')).toBeVisible();
  await expectEditMenu(page, 'Undo Rename', 'Redo');

  await ui.row(page, 'other.txt').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(ui.row(page, 'a.txt')).toBeVisible();
  await expect(ui.row(page, 'b.txt')).toHaveCount(0);
  await expect(page.getByText('Undid Rename')).toBeVisible();
  expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('hello');
  await expectEditMenu(page, 'Undo', 'Redo Rename');

  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(ui.row(page, 'b.txt')).toBeVisible();
  expect(fs.readdirSync(dir).sort()).toEqual(['b.txt', 'other.txt']);
});

test('Ctrl+Z after an inline rename renames it back; the Edit menu says "Redo Rename"', async ({ ferry }) => {
  const dir = tree(path.join(ferry.home, 'Reports'), { 'draft.txt': 'D', 'other.txt': 'O' });
  const page = await ferry.open(dir);
  await ui.row(page, 'draft.txt').click();
  await page.keyboard.press('F2');
  const field = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type('final');
  await page.keyboard.press('Enter');
  await expect(ui.row(page, 'final.txt')).toBeVisible();
  await expectEditMenu(page, 'Undo Rename', 'Redo');

  await ui.row(page, 'other.txt').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(ui.row(page, 'draft.txt')).toBeVisible();
  await expect(ui.row(page, 'final.txt')).toHaveCount(0);
  expect(fs.readdirSync(dir).sort()).toEqual(['draft.txt', 'other.txt']);
  expect(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8')).toBe('D');
  await expectEditMenu(page, 'Undo', 'Redo Rename');
});

test('an undo that no longer fits the disk is refused with its reason, and nothing changes', async ({ ferry }) => {
  const dir = tree(path.join(ferry.home, 'docs'), { 'a.txt': 'hello' });
  renamedElsewhere(ferry.db, dir);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'a new a.txt');
  const page = await ferry.open(dir);
  await expect(ui.row(page, 'b.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await ui.menuItem(page, 'Undo Rename').click();
  await expect(page.getByText("Can't undo Rename: the name “a.txt” is taken in “docs”")).toBeVisible();
  expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('a new a.txt');
  expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('hello');
});

test('a Ctrl+Z in the path bar stays the text field\'s own', async ({ ferry }) => {
  const dir = tree(path.join(ferry.home, 'docs'), { 'a.txt': 'hello' });
  renamedElsewhere(ferry.db, dir);
  const page = await ferry.open(dir);
  await expect(ui.row(page, 'b.txt')).toBeVisible();
  await ui.pathBar(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  // Then one Ctrl+Z on the list: had the path bar's undone the rename, this one would find nothing to undo.
  await ui.row(page, 'b.txt').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('Undid Rename')).toBeVisible();
  await expect(page.getByText('There is nothing to undo')).toHaveCount(0);
  expect(fs.readdirSync(dir)).toEqual(['a.txt']);
});

test('Ctrl+Z after a move (made with `ferry move` beside the window) moves it back; Ctrl+Shift+Z moves it again', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'a.txt': 'alpha', 'album/one.mp3': 'one', 'stays.txt': 's' });
  const destination = path.join(ferry.home, 'destination');
  fs.mkdirSync(destination);
  const page = await ferry.open(source);
  await expect(ui.row(page, 'album')).toBeVisible();

  const moved = await ferry.cli(['move', path.join(source, 'a.txt'), path.join(source, 'album'), destination]);
  expect(moved.code, moved.stderr).toBe(0);
  await expect(ui.row(page, 'album')).toHaveCount(0);
  await expectEditMenu(page, 'Undo Move of 2 Items', 'Redo');

  await ui.row(page, 'stays.txt').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('Undid Move of 2 Items')).toBeVisible();
  await expect(ui.row(page, 'album')).toBeVisible();
  await expect(ui.row(page, 'a.txt')).toBeVisible();
  expect(fs.readdirSync(destination)).toEqual([]);
  expect(fs.readFileSync(path.join(source, 'album', 'one.mp3'), 'utf8')).toBe('one');

  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(ui.row(page, 'album')).toHaveCount(0);
  expect(fs.readdirSync(destination).sort()).toEqual(['a.txt', 'album']);
});

test('Ctrl+Z after a Replace made in the app: the copy goes to the Trash and the old bytes are back', async ({ ferry }) => {
  const oldBytes = Buffer.from('the old version, kept \u00e9\n');
  const source = tree(path.join(ferry.home, 'source'), { 'same.txt': 'the new version' });
  const destination = tree(path.join(ferry.home, 'destination'), { 'stays.txt': 's' });
  fs.writeFileSync(path.join(destination, 'same.txt'), oldBytes);

  const page = await copyAllInto(ferry, source, destination, 'same.txt');
  await ui.conflict(page).getByRole('button', { name: 'Replace' }).click();
  await waitForCopy(page);
  await ui.copyDialog(page).getByRole('button', { name: 'Close' }).click();
  expect(fs.readFileSync(path.join(destination, 'same.txt'), 'utf8')).toBe('the new version');
  await expectEditMenu(page, 'Undo Copy of “same.txt”', 'Redo');

  await ui.row(page, 'stays.txt').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('Undid Copy of “same.txt”')).toBeVisible();
  expect(fs.readFileSync(path.join(destination, 'same.txt'))).toEqual(oldBytes);
  await expectEditMenu(page, 'Undo', 'Redo Copy of “same.txt”');

  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(page.getByText('Redid Copy of “same.txt”')).toBeVisible();
  expect(fs.readFileSync(path.join(destination, 'same.txt'), 'utf8')).toBe('the new version');
});
