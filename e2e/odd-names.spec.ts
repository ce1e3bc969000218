import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './fixtures/ferry';
import { backgroundMenu, contextMenu, rowNames, ui, waitForCopy } from './fixtures/ui';
import { filesAsBytes, oddTree } from '../test/helpers/odd-names';

/**
 * Names that are not valid UTF-8 (b'\xff\xfe.txt', a folder b'd\xe9r'): listed with replacement
 * characters, opened, kept in the URL across a reload, and copied from the UI to files with the exact
 * name bytes (the paths the UI sends back are the engine's own, escapes and all).
 */
test('a folder with names that are not UTF-8 lists them, opens them, and copies them exactly', async ({ ferry }) => {
  const source = path.join(ferry.home, 'source');
  fs.mkdirSync(source);
  const files = oddTree(source);
  const destination = path.join(ferry.home, 'destination');
  fs.mkdirSync(destination);

  const page = await ferry.open(source);
  await expect(ui.row(page, '\ufffd\ufffd.txt')).toBeVisible();
  expect(await rowNames(page)).toEqual(['d\ufffdr', 'sub', 'a.txt', 'c.txt', '\ufffd\ufffd.txt']);

  await ui.row(page, 'd\ufffdr').dblclick();
  await expect(ui.row(page, 'x\ufffd.txt')).toBeVisible();
  await page.reload();
  await expect(ui.row(page, 'x\ufffd.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Up' }).click();
  await expect(ui.row(page, 'a.txt')).toBeVisible();

  await ui.row(page, 'a.txt').click();
  await page.keyboard.press('ControlOrMeta+a');
  await contextMenu(page, ui.row(page, 'a.txt'), 'Copy');
  const target = await ferry.open(destination);
  await backgroundMenu(target, 'Paste');
  const summary = await waitForCopy(target);
  expect(summary).toContain('6 items copied');
  expect(filesAsBytes(destination)).toEqual(files);
});
