import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './fixtures/ferry';
import { backgroundMenu, barValues, contextMenu, dialogTexts, recordDialogTexts, ui, waitForCopy } from './fixtures/ui';
import { snapshot } from '../test/helpers/tree';

function writeFiles(dir: string, folders: number, perFolder: number, prefix: string): void {
  for (let f = 0; f < folders; f++) {
    const folder = path.join(dir, `${prefix}-${f}`);
    fs.mkdirSync(folder, { recursive: true });
    for (let i = 0; i < perFolder; i++) fs.writeFileSync(path.join(folder, `file-${i}.txt`), `${prefix} ${f} ${i} `.repeat(40));
  }
}

test('copies from the index at once, says "Found N more…" while discovery adds what the index lacks', async ({ ferry }) => {
  test.setTimeout(180_000);
  const library = path.join(ferry.home, 'library');
  const photos = path.join(library, 'photos');
  writeFiles(photos, 6, 50, 'indexed');
  const indexed = await ferry.cli(['index', library]);
  expect(indexed.code, indexed.stderr).toBe(0);
  // Files the index has never seen: only discovery can find them.
  writeFiles(path.join(photos, 'new'), 40, 100, 'unindexed');
  const destination = path.join(ferry.home, 'backup');
  fs.mkdirSync(destination);

  const windowA = await ferry.open(library);
  await contextMenu(windowA, ui.row(windowA, 'photos'), 'Copy');
  const windowB = await ferry.open(destination);
  await recordDialogTexts(windowB);
  await backgroundMenu(windowB, 'Paste');

  const summary = await waitForCopy(windowB, 150_000);
  const texts = await dialogTexts(windowB);
  expect(texts[0]).toContain('Preparing to copy…');
  expect(texts.some((t) => /Copying [\d,]+ of [\d,]+ items — .+ of .+/.test(t)), texts.join('\n')).toBe(true);
  expect(texts.some((t) => /Found [\d,]+ more…/.test(t)), texts.slice(0, 20).join('\n')).toBe(true);
  expect(summary).toContain('4,300 items copied');
  expect(summary).toContain('4,000 items found while copying');
  // The bar never goes backwards, although discovery grew the total under it.
  const bar = barValues(texts);
  expect(bar.length).toBeGreaterThan(1);
  expect(bar).toEqual([...bar].sort((a, b) => a - b));

  expect(snapshot(path.join(destination, 'photos'))).toEqual(snapshot(photos));
});
