import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './fixtures/ferry';
import { backgroundMenu, contextMenu, ui, waitForCopy } from './fixtures/ui';
import { tree } from '../test/helpers/tree';

test('a failed item is listed with its reason; "Retry failed" copies it once the cause is gone', async ({ ferry }) => {
  tree(path.join(ferry.home, 'photos'), { 'a.jpg': 'aaa', 'b.jpg': 'bbb', 'blocked.jpg': 'the picture' });
  // A folder with something in it sits where blocked.jpg should land: Ferry never deletes it to make room.
  const destination = tree(path.join(ferry.home, 'backup'), { 'photos/blocked.jpg/keep.txt': 'do not lose me' });

  const windowA = await ferry.open(ferry.home);
  await contextMenu(windowA, ui.row(windowA, 'photos'), 'Copy');
  const windowB = await ferry.open(destination);
  await backgroundMenu(windowB, 'Paste');

  const modal = ui.conflict(windowB);
  await expect(modal).toBeVisible();
  await modal.getByRole('button', { name: 'Replace' }).click();
  const summary = await waitForCopy(windowB);
  expect(summary).toContain('1 item failed');
  const dialog = ui.copyDialog(windowB);
  await expect(dialog.getByRole('list', { name: 'Failed items' })).toContainText('blocked.jpg');
  await expect(dialog.getByRole('list', { name: 'Failed items' })).toContainText('not empty');
  expect(fs.readFileSync(path.join(destination, 'photos/blocked.jpg/keep.txt'), 'utf8')).toBe('do not lose me');
  expect(fs.readFileSync(path.join(destination, 'photos/a.jpg'), 'utf8')).toBe('aaa');

  // The user moves the folder away, then retries: only the failed item is copied again.
  fs.renameSync(path.join(destination, 'photos/blocked.jpg'), path.join(destination, 'moved-away'));
  fs.writeFileSync(path.join(destination, 'photos/a.jpg'), 'changed here since');
  await dialog.getByRole('button', { name: 'Retry failed' }).click();
  const retried = await waitForCopy(windowB);
  expect(retried).toContain('1 item copied');
  expect(fs.readFileSync(path.join(destination, 'photos/blocked.jpg'), 'utf8')).toBe('the picture');
  expect(fs.readFileSync(path.join(destination, 'photos/a.jpg'), 'utf8')).toBe('changed here since');
});
