import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WebSocketRoute } from '@playwright/test';
import { test, expect } from './fixtures/ferry';
import { copyAllInto, ui, waitForCopy } from './fixtures/ui';
import { tree } from '../test/helpers/tree';

test('a window whose connection drops gets back what it missed: an unanswered conflict, then the end of the copy', async ({ ferry, context }) => {
  // Every window's API socket goes through this relay, which can lose events and cut connections.
  const lose = new Set<string>(['conflict']);
  const relays: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/api/, (page) => {
    const server = page.connectToServer();
    relays.push(page);
    page.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      const type = /"type":"(\w+)"/.exec(String(m))?.[1];
      if (!type || !lose.has(type)) page.send(m);
    });
  });
  const dropConnections = async () => { for (const relay of relays.splice(0)) await relay.close(); };

  const others = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`other-${i}.txt`, `other ${i}`]));
  const source = tree(path.join(ferry.home, 'source'), { 'same.txt': 'new bytes', ...others });
  const destination = tree(path.join(ferry.home, 'destination'), { 'same.txt': 'old' });
  const windowB = await copyAllInto(ferry, source, destination, 'same.txt');

  // The conflict event is lost on the way: everything else lands, and no question is shown.
  await expect.poll(() => Object.keys(others).filter((n) => fs.existsSync(path.join(destination, n))).length, { timeout: 30_000 }).toBe(10);
  await expect(ui.conflict(windowB)).toBeHidden();
  lose.clear();
  await dropConnections();
  await expect(windowB.getByRole('status').filter({ hasText: 'reconnecting' })).toBeHidden({ timeout: 15_000 });
  const modal = ui.conflict(windowB);
  await expect(modal).toBeVisible({ timeout: 15_000 });

  // Now `completed` is lost: the copy ends on disk while the dialog still waits for it.
  lose.add('completed');
  await modal.getByRole('button', { name: 'Replace' }).click();
  await expect.poll(() => fs.readFileSync(path.join(destination, 'same.txt'), 'utf8'), { timeout: 30_000 }).toBe('new bytes');
  const dialog = ui.copyDialog(windowB);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeHidden();
  lose.clear();
  await dropConnections();
  const summary = await waitForCopy(windowB, 20_000);
  expect(summary).toContain('11 items copied');
});
