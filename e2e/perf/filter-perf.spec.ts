/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the page, so these files also see the DOM types.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, ROOT } from '../fixtures/ferry';

const ENTRIES = 20_000;
const TYPED = 'photo-1234';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summarize(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { n: xs.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted[sorted.length - 1] ?? NaN) };
}

/**
 * The folder filter (Ctrl+F) over 20,000 entries: for each keystroke, the main thread's time from the key
 * event to the end of the frame that shows the narrowed rows (a message posted from requestAnimationFrame
 * runs once the frame's style, layout and paint are done), and the time between frames while typing.
 * Reports numbers; asserts only that the filter worked.
 */
test('filtering a folder of 20,000 entries as you type: per-keystroke work and frame times', async ({ ferry }) => {
  const big = path.join(ferry.home, 'twenty-thousand');
  fs.mkdirSync(big);
  const kinds = ['photo', 'invoice', 'notes', 'track'];
  for (let i = 0; i < ENTRIES; i++) fs.writeFileSync(path.join(big, `${kinds[i % 4]}-${String(i).padStart(5, '0')}.txt`), '');
  const page = await ferry.open(big);
  await expect(page.getByText(`${ENTRIES.toLocaleString('en-US')} items`)).toBeVisible({ timeout: 120_000 });

  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Filter' });
  await expect(field).toBeFocused();
  await page.evaluate(() => {
    const w = window as unknown as { __keyWork: number[]; __frames: number[]; __stop: boolean };
    w.__keyWork = []; w.__frames = []; w.__stop = false;
    const channel = new MessageChannel();
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        channel.port1.onmessage = () => { w.__keyWork.push(performance.now() - t0); };
        channel.port2.postMessage(null);
      });
    }, { capture: true });
    let last = performance.now();
    const tick = (now: number) => { w.__frames.push(now - last); last = now; if (!w.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  for (const ch of TYPED) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(120);
  }
  for (let i = 0; i < TYPED.length; i++) {
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(120);
  }
  const { keyWork, frames } = await page.evaluate(() => {
    const w = window as unknown as { __keyWork: number[]; __frames: number[]; __stop: boolean };
    w.__stop = true;
    return { keyWork: w.__keyWork, frames: w.__frames.slice(1) };
  });
  await expect(page.getByRole('status').filter({ hasText: /of 20,000/ })).toHaveCount(0); // empty text: every row
  await field.fill('photo-1234');
  await expect(page.getByRole('row', { name: 'photo-12340.txt', exact: true })).toBeVisible();

  const result = {
    entries: ENTRIES, typed: TYPED, keystrokeToFrameEnd: summarize(keyWork), framesWhileTyping: summarize(frames),
    eachKeystrokeMs: keyWork.map((x) => Math.round(x)),
  };
  console.log(JSON.stringify(result, null, 2));
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-results', 'filter-perf.json'), JSON.stringify(result, null, 2));
});
