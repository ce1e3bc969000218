/// <reference lib="dom" />
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot } from './fixtures/ferry';
import { rowNames, ui } from './fixtures/ui';
import { emptyDir, tree } from '../test/helpers/tree';
import { unprivilegedSkip } from '../test/helpers/as-nobody';

test('Back, Forward and Up, by buttons, keys and the browser\'s own history; Up selects the folder you came from', async ({ ferry }) => {
  const root = tree(path.join(ferry.home, 'nav'), { 'a/b/c/deep.txt': 'd', 'a/b/sibling.txt': 's', 'a/other/o.txt': 'o' });
  const [a, b, c] = [path.join(root, 'a'), path.join(root, 'a', 'b'), path.join(root, 'a', 'b', 'c')];
  const page = await ferry.open(c);
  await expect(ui.row(page, 'deep.txt')).toBeVisible();

  await page.keyboard.press('Alt+ArrowUp');
  await expect(ui.pathBar(page)).toHaveValue(b);
  await expect(ui.row(page, 'c')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Up' }).click();
  await expect(ui.pathBar(page)).toHaveValue(a);
  await expect(ui.row(page, 'b')).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(ui.pathBar(page)).toHaveValue(b);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(ui.pathBar(page)).toHaveValue(c);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(ui.pathBar(page)).toHaveValue(b);
  await page.getByRole('button', { name: 'Forward' }).click();
  await expect(ui.pathBar(page)).toHaveValue(a);
  await expect(page.getByRole('button', { name: 'Forward' })).toBeDisabled();

  // The browser's Back and Forward stay in the app, moving between its folders.
  await page.goBack();
  await expect(ui.pathBar(page)).toHaveValue(b);
  expect(new URL(page.url()).pathname).toBe('/');
  await page.goForward();
  await expect(ui.pathBar(page)).toHaveValue(a);
  await expect(page.getByRole('button', { name: 'Back' })).toBeEnabled();
});

test('the path bar takes ~, ~/x and relative paths, completes with Tab, and says what is wrong under it', async ({ ferry }) => {
  tree(ferry.home, { 'Documents/letters/l.txt': 'l', 'Downloads/d.bin': 'd', 'Music/m.mp3': 'm' });
  const page = await ferry.open(path.join(ferry.home, 'Music'));
  const bar = ui.pathBar(page);

  await page.keyboard.press('Control+l');
  await expect(bar).toBeFocused();
  await page.keyboard.type('~');
  await page.keyboard.press('Enter');
  await expect(bar).toHaveValue(ferry.home);
  await expect(ui.row(page, 'Documents')).toBeVisible();

  await bar.fill('~/Music');
  await bar.press('Enter');
  await expect(bar).toHaveValue(path.join(ferry.home, 'Music'));

  await bar.fill('../Documents');
  await bar.press('Enter');
  await expect(bar).toHaveValue(path.join(ferry.home, 'Documents'));

  // Tab: one match whole, then into it.
  await bar.fill('~/Docu');
  await bar.press('Tab');
  await expect(bar).toHaveValue('~/Documents/');
  await bar.press('l');
  await bar.press('Tab');
  await expect(bar).toHaveValue('~/Documents/letters/');
  await expect(bar).toBeFocused();
  await bar.press('Enter');
  await expect(bar).toHaveValue(path.join(ferry.home, 'Documents', 'letters'));
  await expect(ui.row(page, 'l.txt')).toBeVisible();

  // A wrong path: said under the bar, the listing still there and uncovered.
  await bar.fill('~/Nowhere');
  await bar.press('Enter');
  const error = page.getByRole('alert').filter({ hasText: 'No such file or directory' });
  await expect(error).toContainText(path.join(ferry.home, 'Nowhere'));
  await expect(ui.row(page, 'l.txt')).toBeVisible();
  const errorBox = (await error.boundingBox())!;
  const gridBox = (await ui.grid(page).boundingBox())!;
  expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(gridBox.y);
  await expect(bar).toHaveAttribute('aria-invalid', 'true');
  await saveScreenshot(page, 'path-bar-error');
  await bar.press('Escape');
  await expect(error).toBeHidden();
  await expect(bar).toHaveValue(path.join(ferry.home, 'Documents', 'letters'));
});

test('typing a name\'s first letters selects it', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'typing'), {
    'apple.txt': 'a', 'banana.txt': 'b', 'blueberry.txt': 'b', 'cherry.txt': 'c', 'Zeta': emptyDir(),
  });
  const page = await ferry.open(folder);
  await ui.row(page, 'apple.txt').click();
  await page.keyboard.type('bl');
  await expect(ui.row(page, 'blueberry.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.row(page, 'apple.txt')).toHaveAttribute('aria-selected', 'false');
  // After a pause, a new name.
  await expect(async () => {
    await page.keyboard.type('c');
    await expect(ui.row(page, 'cherry.txt')).toHaveAttribute('aria-selected', 'true', { timeout: 500 });
  }).toPass();
  await page.keyboard.press('Enter'); // a file: nothing opens, the selection stays
  await expect(async () => {
    await page.keyboard.type('z');
    await expect(ui.row(page, 'Zeta')).toHaveAttribute('aria-selected', 'true', { timeout: 500 });
  }).toPass();
});

test('an unreadable folder: its row has a lock, and opening it says so on an empty list', async ({ ferry }) => {
  const skip = unprivilegedSkip();
  test.skip(Boolean(skip), String(skip));
  ferry.serveAsNobody();
  const root = tree(path.join(ferry.home, 'perms'), { 'open/a.txt': 'a', 'locked/secret.txt': 's' });
  fs.chmodSync(path.join(root, 'locked'), 0o000);
  try {
    const page = await ferry.open(root);
    await expect(ui.row(page, 'locked').getByRole('img', { name: 'No access' })).toBeVisible();
    await expect(ui.row(page, 'open').getByRole('img', { name: 'No access' })).toHaveCount(0);
    await ui.row(page, 'locked').dblclick();
    await expect(ui.pathBar(page)).toHaveValue(path.join(root, 'locked'));
    await expect(page.getByText("You don't have permission to see this folder's contents")).toBeVisible();
    expect(await rowNames(page)).toEqual([]);
    await saveScreenshot(page, 'no-access');
    await page.getByRole('button', { name: 'Up' }).click();
    await expect(ui.row(page, 'locked')).toHaveAttribute('aria-selected', 'true');
  } finally {
    fs.chmodSync(path.join(root, 'locked'), 0o755);
  }
});
