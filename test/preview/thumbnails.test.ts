/* eslint-disable @typescript-eslint/no-require-imports -- sharp's CommonJS typings (see thumbnail-render.ts) */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { thumbnailKey, Thumbnails } from '../../src/main/engine/preview/thumbnails';
import { encodePng, imageSize } from '../helpers/png';
import { tempDir, tree } from '../helpers/tree';

/** A 1200×800 gradient: big enough that scaling it is real work, small enough to write in a blink. */
const photo = encodePng(1200, 800, (x, y) => [x % 256, y % 256, (x + y) % 256]);

function cacheFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(webp|none)$/.test(f)).sort();
}

function webpOf(dataUrl: string | null): Buffer {
  assert.ok(dataUrl !== null && dataUrl.startsWith('data:image/webp;base64,'), String(dataUrl).slice(0, 40));
  return Buffer.from(dataUrl.slice('data:image/webp;base64,'.length), 'base64');
}

test('an image becomes a WebP thumbnail on the worker, scaled to fit, cached by path, size and mtime', async () => {
  const root = tree(tempDir(), { 'photo.png': photo });
  const cache = path.join(tempDir(), 'thumbnails');
  const thumbnails = new Thumbnails(cache);
  try {
    const file = path.join(root, 'photo.png');
    const first = webpOf((await thumbnails.get(file, 256)).dataUrl);
    assert.deepEqual(imageSize(first), { width: 256, height: 171 });
    assert.ok(first.length < 100_000, `${first.length} bytes`);
    const [cached] = cacheFiles(cache);
    const st = fs.statSync(file);
    assert.equal(path.basename(cached!), `${thumbnailKey(file, st.size, st.mtimeMs, 256)}.webp`);

    // Asked again: the cached bytes, not a new file (a new one would be renamed into place: another inode).
    const before = fs.statSync(path.join(cache, cached!)).ino;
    assert.deepEqual(webpOf((await thumbnails.get(file, 256)).dataUrl), first);
    assert.equal(fs.statSync(path.join(cache, cached!)).ino, before);
    assert.equal(cacheFiles(cache).length, 1);

    // Another size is another thumbnail; a changed image is made again.
    assert.deepEqual(imageSize(webpOf((await thumbnails.get(file, 64)).dataUrl)), { width: 64, height: 43 });
    fs.writeFileSync(file, encodePng(300, 600, () => [200, 10, 10]));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    assert.deepEqual(imageSize(webpOf((await thumbnails.get(file, 256)).dataUrl)), { width: 128, height: 256 });
    assert.equal(cacheFiles(cache).length, 3);
  } finally {
    thumbnails.close();
  }
});

test('small images are not enlarged; several asked at once are each made once', async () => {
  const root = tree(tempDir(), { 'icon.png': encodePng(40, 20, () => [0, 128, 255]) });
  const cache = path.join(tempDir(), 'thumbnails');
  const thumbnails = new Thumbnails(cache);
  try {
    const file = path.join(root, 'icon.png');
    const answers = await Promise.all([1, 2, 3, 4].map(() => thumbnails.get(file, 256)));
    for (const a of answers) assert.deepEqual(imageSize(webpOf(a.dataUrl)), { width: 40, height: 20 });
    assert.equal(cacheFiles(cache).length, 1);
  } finally {
    thumbnails.close();
  }
});

test('what is not a decodable image gets no thumbnail, and a broken one is remembered as such', async () => {
  const root = tree(tempDir(), { 'broken.png': 'this is not a PNG at all', 'notes.txt': 'hello', 'empty.jpg': '' });
  const cache = path.join(tempDir(), 'thumbnails');
  const thumbnails = new Thumbnails(cache);
  try {
    assert.equal((await thumbnails.get(path.join(root, 'notes.txt'), 256)).dataUrl, null);
    assert.equal((await thumbnails.get(path.join(root, 'empty.jpg'), 256)).dataUrl, null);
    assert.equal((await thumbnails.get(path.join(root, 'broken.png'), 256)).dataUrl, null);
    assert.deepEqual(cacheFiles(cache).map((f) => path.extname(f)), ['.none']);
    assert.equal((await thumbnails.get(path.join(root, 'broken.png'), 256)).dataUrl, null);
    await assert.rejects(thumbnails.get(path.join(root, 'missing.png'), 256), /ENOENT/);
  } finally {
    thumbnails.close();
  }
});

test('a JPEG whose EXIF says "rotated" comes out upright', async () => {
  // The fixture is made here with sharp itself (no image files in the repo): 400×200 pixels stored sideways.
  const sharp = require('sharp') as typeof import('sharp/dist/index.cjs');
  const sideways = await sharp(photo).resize(400, 200).jpeg({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer();
  const root = tree(tempDir(), { 'camera.JPG': sideways });
  const thumbnails = new Thumbnails(path.join(tempDir(), 'thumbnails'));
  try {
    const thumb = webpOf((await thumbnails.get(path.join(root, 'camera.JPG'), 256)).dataUrl);
    assert.deepEqual(imageSize(thumb), { width: 128, height: 256 });
  } finally {
    thumbnails.close();
  }
});

test('the cache stays under its bound: the thumbnails used longest ago go first', async () => {
  const root = tree(tempDir(), Object.fromEntries([0, 1, 2, 3].map((i) => [`p${i}.png`, encodePng(200 + i * 10, 150, (x, y) => [x % 256, (y * i) % 256, 90])])));
  const cache = path.join(tempDir(), 'thumbnails');
  const first = new Thumbnails(cache);
  const used = (i: number) => first.get(path.join(root, `p${i}.png`), 256);
  try {
    for (const i of [0, 1, 2, 3]) {
      await used(i);
      await new Promise((r) => setTimeout(r, 20)); // distinct mtimes
    }
    await used(0); // used again: now the most recent
  } finally {
    first.close();
  }
  const sizes = cacheFiles(cache).map((f) => fs.statSync(path.join(cache, f)).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  // Room for about two of the four: the next engine's first call prunes before it answers.
  const second = new Thumbnails(cache, Math.floor(total / 2) + 10);
  try {
    await second.get(path.join(root, 'p0.png'), 256);
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    second.close();
  }
  const keys = (i: number) => {
    const st = fs.statSync(path.join(root, `p${i}.png`));
    return `${thumbnailKey(path.join(root, `p${i}.png`), st.size, st.mtimeMs, 256)}.webp`;
  };
  const left = cacheFiles(cache).map((f) => path.basename(f));
  assert.ok(left.includes(keys(0)), 'the one used last stays');
  assert.ok(!left.includes(keys(1)), 'the one used longest ago goes');
  assert.ok(left.length < 4);
});
