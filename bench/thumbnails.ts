/* eslint-disable @typescript-eslint/no-require-imports -- sharp's CommonJS typings (see preview/thumbnail-render.ts) */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Thumbnails } from '../src/main/engine/preview/thumbnails';
import { fmtMs, median } from './measure';

/**
 * The thumbnail rows of `npm run bench`: why sharp (docs/file-operations.md, "Seeing files"). The same
 * 4000×3000 JPEG and PNG scaled to a 256-px WebP by sharp on one libvips thread, and by Chromium's own decoder
 * (createImageBitmap with resizeWidth, then OffscreenCanvas.convertToBlob) when a Chromium is at hand; and the
 * engine's Thumbnails, cold (made on the worker) against cached (read from the cache folder).
 */
export interface ThumbnailRow { what: string; ferry: string; peer: string; ratio?: number; goal?: number }

const W = 4000;
const H = 3000;

async function images(): Promise<{ jpeg: Buffer; png: Buffer }> {
  const sharp = require('sharp') as typeof import('sharp/dist/index.cjs');
  const raw = Buffer.alloc(W * H * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7 + ((i / W) | 0)) & 255;
  const input = { raw: { width: W, height: H, channels: 3 as const } };
  return { jpeg: await sharp(raw, input).jpeg({ quality: 85 }).toBuffer(), png: await sharp(raw, input).png().toBuffer() };
}

async function sharpMs(bytes: Buffer, reps: number): Promise<number> {
  const sharp = require('sharp') as typeof import('sharp/dist/index.cjs');
  sharp.concurrency(1);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await sharp(bytes).rotate().resize(256, 256, { fit: 'inside' }).webp({ quality: 75, effort: 2 }).toBuffer();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Chromium's decoder in a page, or null when no Chromium is found (FERRY_CHROMIUM, else /usr/bin/chromium). */
async function chromiumMs(shots: { bytes: Buffer; type: string }[], reps: number): Promise<number[] | null> {
  const executablePath = process.env.FERRY_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return null;
  const { chromium } = require('playwright') as typeof import('playwright');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    const out: number[] = [];
    for (const shot of shots) {
      out.push(await page.evaluate(async ({ b64, type, reps }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const blob = new Blob([bytes], { type });
        const times: number[] = [];
        for (let i = 0; i < reps; i++) {
          const t = performance.now();
          const bitmap = await createImageBitmap(blob, { resizeWidth: 256, resizeQuality: 'medium' });
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
          await canvas.convertToBlob({ type: 'image/webp', quality: 0.75 });
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return times[Math.floor(times.length / 2)]!;
      }, { b64: shot.bytes.toString('base64'), type: shot.type, reps }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

export async function timeThumbnails(work: string, reps: number, log: (s: string) => void): Promise<ThumbnailRow[]> {
  const rows: ThumbnailRow[] = [];
  const { jpeg, png } = await images();
  const [sJpeg, sPng] = [await sharpMs(jpeg, reps), await sharpMs(png, reps)];
  const browser = await chromiumMs([{ bytes: jpeg, type: 'image/jpeg' }, { bytes: png, type: 'image/png' }], reps);
  if (!browser) log('no Chromium: the browser-decoder rows are left out');
  for (const [name, ms, other] of [['JPEG', sJpeg, browser?.[0]], ['PNG', sPng, browser?.[1]]] as const) {
    rows.push({
      what: `thumbnail of a ${W}×${H} ${name} → 256-px WebP: sharp (1 thread) vs Chromium's decoder`,
      ferry: fmtMs(ms), peer: other === undefined ? 'no Chromium' : `${fmtMs(other)} (Chromium)`,
      ...(other === undefined ? {} : { ratio: ms / other, goal: 1 }),
    });
  }

  // The engine's cache: 20 photos made on the worker, then asked again.
  const dir = path.join(work, 'thumbnails-bench');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'photos'), { recursive: true });
  const files = Array.from({ length: 20 }, (_, i) => path.join(dir, 'photos', `p${i}.jpg`));
  for (const f of files) fs.writeFileSync(f, jpeg);
  const thumbnails = new Thumbnails(path.join(dir, 'cache'));
  try {
    let t = performance.now();
    for (const f of files) await thumbnails.get(f, 256);
    const cold = (performance.now() - t) / files.length;
    t = performance.now();
    for (const f of files) await thumbnails.get(f, 256);
    const warm = (performance.now() - t) / files.length;
    rows.push({ what: 'Thumbnails.get of a 4000×3000 JPEG: cached vs made on the worker (per image)', ferry: fmtMs(warm), peer: `${fmtMs(cold)} (made)`, ratio: warm / cold, goal: 0.1 });
  } finally {
    thumbnails.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
