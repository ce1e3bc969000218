/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the page, so this file also sees the DOM types.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot, windowUrl } from './fixtures/ferry';
import { CHROMIUM_ARGS } from './playwright.config';
import { contextMenu, ui } from './fixtures/ui';
import { encodePng } from '../test/helpers/png';
import { minimalPdf } from '../test/helpers/pdf';
import { symlink, tree } from '../test/helpers/tree';

/** A folder with one of each kind, real images among them (drawn by the test's own PNG encoder). */
function makeFolder(home: string): string {
  const folder = path.join(home, 'Mixed');
  const sunset = encodePng(480, 320, (x, y) => [255 - (y * 0.5) | 0, 120 + ((x * 0.2) | 0) % 100, 60 + ((y * 0.4) | 0)]);
  const sea = encodePng(320, 320, (x, y) => [20, 90 + ((x + y) % 60), 160 + (y % 90)]);
  tree(folder, {
    'Album/one.png': sea,
    'Album/two.txt': 'two',
    'Album/deeper/three.bin': Buffer.alloc(1000, 3),
    'sunset.png': sunset,
    'sea.png': sea,
    'notes.txt': { content: 'Remember the milk.\nAnd the bread.\n', mode: 0o640 },
    'main.rs': 'fn main() {\n    println!("hello");\n}\n',
    'song.mp3': Buffer.alloc(3000, 1),
    'clip.webm': Buffer.alloc(5000, 2),
    'backup.zip': Buffer.alloc(2000, 4),
    'report.pdf': Buffer.alloc(1500, 5),
    'big.log': 'log line\n'.repeat(40_000),
    'run-me': { content: '#!/bin/sh\necho hi\n', mode: 0o755 },
    'latest.png': symlink('sunset.png'),
  });
  return folder;
}

test('rows carry icons by kind, and images their thumbnails', async ({ ferry }) => {
  const folder = makeFolder(ferry.home);
  const page = await ferry.open(folder);
  const icon = (row: string) => ui.row(page, row).getByRole('img');
  await expect(icon('Album')).toHaveAccessibleName('Folder');
  await expect(icon('notes.txt')).toHaveAccessibleName('Text');
  await expect(icon('main.rs')).toHaveAccessibleName('Source code');
  await expect(icon('song.mp3')).toHaveAccessibleName('Audio');
  await expect(icon('clip.webm')).toHaveAccessibleName('Video');
  await expect(icon('backup.zip')).toHaveAccessibleName('Archive');
  await expect(icon('report.pdf')).toHaveAccessibleName('Document');
  await expect(icon('latest.png')).toHaveAccessibleName('Symbolic link');
  // No telling extension, but an execute bit: a program.
  await expect(icon('run-me')).toHaveAccessibleName('Program');
  // Thumbnails replace the image icons once the engine has made them (a WebP the page decodes).
  for (const name of ['sunset.png', 'sea.png']) {
    const thumb = ui.row(page, name).locator('img.file-thumb');
    await expect(thumb).toHaveAttribute('src', /^data:image\/webp;base64,/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  await saveScreenshot(page, 'icons');
});

test('Quick Look: Space shows an image, arrows step on, Space closes', async ({ ferry }) => {
  const folder = makeFolder(ferry.home);
  const page = await ferry.open(folder);
  await ui.row(page, 'sunset.png').click();
  await page.keyboard.press('Space');
  const panel = page.getByRole('dialog', { name: 'sunset.png' });
  await expect(panel).toBeVisible();
  const image = panel.getByRole('img', { name: 'sunset.png' });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
  await saveScreenshot(page, 'quick-look');

  // One item selected: the arrows walk the folder, and the list's selection follows.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('dialog', { name: 'song.mp3' })).toBeVisible();
  await expect(ui.row(page, 'song.mp3')).toHaveAttribute('aria-selected', 'true');
  // Its bytes are no MP3 the browser can play: the panel falls back to the item's facts.
  const song = page.getByRole('dialog', { name: 'song.mp3' });
  await expect(song).toContainText('Audio');
  await expect(song).toContainText('3.0 KB');
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(ui.grid(page)).toBeFocused();
});

test('Quick Look of text: the first 256 KB, code as text; arrows stay within a multiple selection', async ({ ferry }) => {
  const folder = makeFolder(ferry.home);
  const page = await ferry.open(folder);
  await ui.row(page, 'notes.txt').click();
  await page.keyboard.press('Space');
  const notes = page.getByRole('dialog', { name: 'notes.txt' });
  await expect(notes.getByLabel('Text preview')).toHaveText('Remember the milk.\nAnd the bread.\n');
  await page.keyboard.press('Escape');
  await expect(notes).toBeHidden();

  await ui.row(page, 'big.log').click();
  await ui.row(page, 'main.rs').click({ modifiers: ['Control'] });
  await page.keyboard.press('Space');
  // It opens at the item clicked last (the focused one), the second of the two in list order.
  const code = page.getByRole('dialog', { name: 'main.rs' });
  await expect(code.getByLabel('Text preview')).toContainText('println!("hello");');
  await expect(code).toContainText('2 of 2');
  await page.keyboard.press('ArrowRight');
  const log = page.getByRole('dialog', { name: 'big.log' });
  await expect(log).toContainText('1 of 2');
  await expect(log).toContainText('Showing the first 262 KB');
  const shown = await log.getByLabel('Text preview').textContent();
  expect(shown!.length).toBe(256 * 1024);
  await page.keyboard.press('ArrowLeft');
  await expect(code).toBeVisible();
  await page.keyboard.press('Escape');

  // What the browser cannot show: its icon, kind, size and dates.
  await ui.row(page, 'backup.zip').click();
  await page.keyboard.press('Space');
  const zip = page.getByRole('dialog', { name: 'backup.zip' });
  await expect(zip).toContainText('Archive');
  await expect(zip).toContainText('2.0 KB');
  await expect(zip).toContainText('Modified');
});

test('Get Info: permissions, owner, path, link target; a folder counted in the background', async ({ ferry }) => {
  const folder = makeFolder(ferry.home);
  const page = await ferry.open(folder);
  await ui.row(page, 'notes.txt').click();
  await page.keyboard.press('Control+I');
  const info = page.getByRole('dialog', { name: 'notes.txt Info' });
  const fact = (term: string) => info.getByLabel(term, { exact: true });
  await expect(fact('Kind')).toHaveText('Text');
  await expect(fact('Size')).toHaveText('34 bytes');
  await expect(fact('Where')).toHaveText(path.join(folder, 'notes.txt'));
  await expect(fact('Permissions')).toHaveText('rw-r----- (640)');
  const st = fs.statSync(path.join(folder, 'notes.txt'));
  if (st.uid === 0) await expect(fact('Owner')).toHaveText('root');
  await page.keyboard.press('Escape');
  await expect(info).toBeHidden();

  await contextMenu(page, ui.row(page, 'latest.png'), 'Get Info');
  const link = page.getByRole('dialog', { name: 'latest.png Info' });
  await expect(link.getByLabel('Link target', { exact: true })).toHaveText('sunset.png');
  await expect(link.getByLabel('Kind', { exact: true })).toHaveText('Symbolic link');
  await link.getByRole('button', { name: 'Close' }).click();

  await contextMenu(page, ui.row(page, 'Album'), 'Get Info');
  const album = page.getByRole('dialog', { name: 'Album Info' });
  const bytes = fs.statSync(path.join(folder, 'Album/one.png')).size + 3 + 1000;
  await expect(album.getByLabel('Size', { exact: true })).toHaveText(`${(bytes / 1000).toFixed(1)} KB in 3 files`);
  await saveScreenshot(page, 'get-info');
  await page.keyboard.press('Escape');
});

test("the status bar: the selection's size and the folder's free space; Copy Path", async ({ ferry, context }) => {
  const folder = makeFolder(ferry.home);
  const page = await ferry.open(folder);
  const bar = page.getByRole('contentinfo');
  await expect(bar.getByLabel('Free space')).toHaveText(/^\d+(\.\d)? (bytes|KB|MB|GB|TB) free$/);
  await ui.row(page, 'notes.txt').click();
  await ui.row(page, 'main.rs').click({ modifiers: ['Control'] });
  await expect(bar).toContainText('2 selected, 71 bytes');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('Control+Alt+C');
  await expect(bar).toContainText('Copied 2 paths');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toBe([path.join(folder, 'main.rs'), path.join(folder, 'notes.txt')].join('\n'));
});

test('Quick Look of a PDF: framed from the file route with the page\'s token, which serves it as application/pdf, byte for byte', async ({ ferry }) => {
  const folder = tree(path.join(ferry.home, 'Papers'), { 'report.pdf': minimalPdf('Quarterly report') });
  const bytes = fs.readFileSync(path.join(folder, 'report.pdf'));
  const page = await ferry.open(folder);
  // This Chromium has its PDF viewer (a headless one too): the panel frames the file.
  expect(await page.evaluate(() => navigator.pdfViewerEnabled)).toBe(true);
  await ui.row(page, 'report.pdf').click();
  await page.keyboard.press('Space');
  const panel = page.getByRole('dialog', { name: 'report.pdf' });
  const frame = panel.locator('iframe[title="report.pdf"]');
  const token = new URL(page.url()).searchParams.get('token');
  expect(token).toBeTruthy();
  const src = await frame.getAttribute('src');
  expect(src).toBe(`/file?${new URLSearchParams({ path: path.join(folder, 'report.pdf'), token: token! })}`);
  // The frame holds the PDF as the browser's viewer got it (same origin: its document says what it is).
  await expect.poll(() => frame.evaluate((f: HTMLIFrameElement) => f.contentDocument?.contentType)).toBe('application/pdf');
  const served = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
  }, src!);
  expect(served.status).toBe(200);
  expect(served.type).toMatch(/^application\/pdf\b/);
  expect(Buffer.from(served.bytes).equals(bytes)).toBe(true);
  // Whether the viewer drew the page shows only inside its extension frame (Chromium's own markup, not reached
  // reliably from here), and a page screenshot leaves that frame dark, so none is saved for the README.
});

test('Quick Look of a PDF where the browser has no viewer (set to download PDFs): its facts and Open', async ({ ferry, playwright }) => {
  const folder = tree(path.join(ferry.home, 'Papers'), { 'report.pdf': minimalPdf('Quarterly report') });
  const url = await ferry.start();
  // A real Chromium with the user's setting "Download PDFs" (chrome://settings/content/pdfDocuments), in a profile of its own.
  const profile = path.join(ferry.dir, 'chromium-profile');
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ plugins: { always_open_pdf_externally: true } }));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: process.env.FERRY_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1180, height: 740 },
  });
  try {
    const page = await context.newPage();
    await page.goto(windowUrl(url, folder));
    expect(await page.evaluate(() => navigator.pdfViewerEnabled)).toBe(false);
    await ui.row(page, 'report.pdf').click();
    await page.keyboard.press('Space');
    const panel = page.getByRole('dialog', { name: 'report.pdf' });
    await expect(panel).toContainText('Document');
    await expect(panel).toContainText(`${fs.statSync(path.join(folder, 'report.pdf')).size} bytes`);
    await expect(panel).toContainText('Modified');
    await expect(panel).toContainText('This window has no viewer for it.');
    await expect(panel.locator('iframe')).toHaveCount(0);
    // Open hands it to the browser, as a double-click does: a tab on the file route (which this browser downloads).
    const opened = context.waitForEvent('request', (r) => r.url().includes('/file?'));
    await panel.getByRole('button', { name: 'Open' }).click();
    expect(new URL((await opened).url()).searchParams.get('path')).toBe(path.join(folder, 'report.pdf'));
  } finally {
    await context.close();
  }
});
