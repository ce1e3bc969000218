import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot } from './fixtures/ferry';
import { backgroundMenu, contextMenu, ui, waitForCopy } from './fixtures/ui';
import { snapshot, tree } from '../test/helpers/tree';

/**
 * `folders` × 100 files of 16 KB. The tests that act mid-copy also set a speed limit (the serve host's
 * $FERRY_LIMIT_RATE, the CLI's --limit-rate): without one a fast machine finishes before the click lands.
 */
function bigTree(root: string, folders: number): string {
  const content = Buffer.alloc(16_384, 7);
  for (let f = 0; f < folders; f++) {
    const dir = path.join(root, `folder-${f}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(dir, `file-${i}.bin`), content);
  }
  return root;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

test('the jobs list shows a finished copy', async ({ ferry }) => {
  const source = tree(path.join(ferry.home, 'source'), { 'letter.txt': 'dear' });
  const destination = path.join(ferry.home, 'mailbox');
  fs.mkdirSync(destination);
  const page = await ferry.open(source);
  await contextMenu(page, ui.row(page, 'letter.txt'), 'Copy');
  await page.getByRole('textbox', { name: 'Path' }).fill(destination);
  await page.getByRole('textbox', { name: 'Path' }).press('Enter');
  await backgroundMenu(page, 'Paste');
  await waitForCopy(page);

  await backgroundMenu(page, 'Show Jobs');
  const job = ui.jobs(page).getByRole('listitem', { name: 'Copy “letter.txt” to “mailbox”' });
  await expect(job).toBeVisible();
  await expect(job).toContainText('Done');
});

test('Pause holds the copy and Resume finishes it', async ({ ferry }) => {
  ferry.env.FERRY_LIMIT_RATE = '4M'; // 32 MB: about 8 s
  const source = bigTree(path.join(ferry.home, 'big'), 20);
  const destination = path.join(ferry.home, 'copy');
  fs.mkdirSync(destination);

  const windowA = await ferry.open(ferry.home);
  await contextMenu(windowA, ui.row(windowA, 'big'), 'Copy');
  await ui.row(windowA, 'copy').click({ button: 'right' });
  await ui.menuItem(windowA, 'Paste Into Folder').click();

  const dialog = ui.copyDialog(windowA);
  await expect(dialog).toHaveAccessibleName(/^Copying [1-9][\d,]* of [\d,]+ items$/);
  await dialog.getByRole('button', { name: 'Pause' }).click();
  await expect(dialog.getByText(/^Paused/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Resume' })).toBeVisible();
  // Files in flight when Pause came may still land; after that nothing moves.
  await windowA.waitForTimeout(700);
  const whilePaused = countFiles(destination);
  await windowA.waitForTimeout(1_000);
  expect(countFiles(destination)).toBe(whilePaused);
  expect(whilePaused).toBeLessThan(2_000);
  await saveScreenshot(windowA, 'copy-dialog');

  await dialog.getByRole('button', { name: 'Resume' }).click();
  const summary = await waitForCopy(windowA, 120_000);
  expect(summary).toContain('2,000 items copied');
  expect(snapshot(path.join(destination, 'big'))).toEqual(snapshot(source));
});

test('Cancel stops a copy and the dialog says so', async ({ ferry }) => {
  ferry.env.FERRY_LIMIT_RATE = '2M'; // 16 MB: about 8 s
  bigTree(path.join(ferry.home, 'big'), 10);
  const destination = path.join(ferry.home, 'copy');
  fs.mkdirSync(destination);
  const page = await ferry.open(ferry.home);
  await contextMenu(page, ui.row(page, 'big'), 'Copy');
  await ui.row(page, 'copy').click({ button: 'right' });
  await ui.menuItem(page, 'Paste Into Folder').click();
  const dialog = ui.copyDialog(page);
  await expect(dialog).toHaveAccessibleName(/^Copying [1-9][\d,]* of [\d,]+ items$/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveAccessibleName('Copy cancelled');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
  expect(countFiles(destination)).toBeLessThan(1_000);
});

test('an interrupted copy (the CLI killed with -9) resumes from the jobs list with one click', async ({ ferry }) => {
  test.setTimeout(180_000);
  const source = bigTree(path.join(ferry.home, 'big'), 10);
  const destination = path.join(ferry.home, 'backup');
  fs.mkdirSync(destination);

  // The CLI copies with the same library database and dies without a chance to clean up.
  // 16 MB at 2 MiB/s; the job keeps its limit when the app resumes it (about 8 s in all).
  const cli = ferry.spawnCli(['copy', '--json', '--overwrite', 'skip', '--limit-rate', '2M', source, destination]);
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    cli.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const started = buffer.split('\n').some((line) => /"type":"progress".*"copiedFiles":[1-9]/.test(line));
      if (started) { cli.kill('SIGKILL'); resolve(); }
    });
    cli.on('exit', (code, signal) => { if (signal !== 'SIGKILL') reject(new Error(`ferry copy ended (${code}) before it could be killed`)); });
  });
  await new Promise((resolve) => cli.once('exit', resolve));
  const before = countFiles(destination);
  expect(before).toBeLessThan(1_000);

  const page = await ferry.open(destination);
  await page.getByRole('button', { name: 'Jobs' }).click();
  const job = ui.jobs(page).getByRole('listitem', { name: 'Copy “big” to “backup”' });
  await expect(job).toContainText('Interrupted');
  await saveScreenshot(page, 'jobs-list');
  await job.getByRole('button', { name: 'Resume' }).click();

  const summary = await waitForCopy(page, 150_000);
  expect(summary).toMatch(/items? copied/);
  expect(countFiles(path.join(destination, 'big'))).toBe(1_000);
  expect(snapshot(path.join(destination, 'big'))).toEqual(snapshot(source));
  await expect(job).toContainText('Done');
  await expect(job.getByRole('button', { name: 'Resume' })).toHaveCount(0);
});
