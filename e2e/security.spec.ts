/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the page, so these files also see the DOM types.
import * as http from 'node:http';
import WebSocket from 'ws';
import { test, expect } from './fixtures/ferry';

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

/** Opens the API socket; resolves with the HTTP status of a refused upgrade, or with the open socket. */
function connect(url: string, headers: Record<string, string> = {}): Promise<{ refused: number } | { socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => { resolve({ refused: res.statusCode ?? 0 }); socket.terminate(); });
    socket.once('close', (code) => resolve({ refused: code }));
    socket.once('error', (err) => { if (!/Unexpected server response/.test(err.message)) reject(err); });
  });
}

function call(socket: WebSocket, method: string, input: unknown): Promise<{ ok: boolean; output?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    const id = 41;
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id?: number; ok: boolean };
      if (frame.id === id) resolve(frame);
    });
    socket.send(JSON.stringify({ id, method, input }));
  });
}

test('HTTP: no token → 401; the token → 200 and a strict cookie; a foreign Origin → 403', async ({ ferry }) => {
  const url = new URL(await ferry.start());
  const token = url.searchParams.get('token')!;
  const bare = `${url.origin}/`;

  expect((await get(bare)).status).toBe(401);
  expect((await get(`${bare}?token=wrong${token}`)).status).toBe(401);

  const ok = await get(url.href);
  expect(ok.status).toBe(200);
  expect(ok.body).toContain('<div id="root">');
  expect(ok.headers['content-security-policy']).toContain("script-src 'self'");
  const cookie = String(ok.headers['set-cookie']);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);

  // The cookie alone is enough afterwards (assets, new windows).
  const cookiePair = cookie.split(';')[0]!;
  expect((await get(bare, { cookie: cookiePair })).status).toBe(200);

  expect((await get(url.href, { origin: 'http://evil.example' })).status).toBe(403);
  expect((await get(url.href, { host: 'evil.example' })).status).not.toBe(200);
});

test('WebSocket: refused without the token or from a foreign Origin; with both it answers calls', async ({ ferry }) => {
  const url = new URL(await ferry.start());
  const token = url.searchParams.get('token')!;
  const api = `ws://${url.host}/api`;

  const noToken = await connect(api);
  expect('refused' in noToken).toBe(true);

  const foreign = await connect(`${api}?token=${token}`, { origin: 'http://evil.example' });
  expect('refused' in foreign).toBe(true);

  const good = await connect(`${api}?token=${token}`, { origin: url.origin });
  expect('socket' in good).toBe(true);
  if ('socket' in good) {
    const reply = await call(good.socket, 'listFolder', { path: ferry.home });
    expect(reply.ok).toBe(true);
    const bad = await call(good.socket, 'listFolder', { path: 42 });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('INVALID_INPUT');
    good.socket.close();
  }
});

test('the page itself runs under the CSP without violations', async ({ ferry }) => {
  const errors: string[] = [];
  const page = await ferry.open(ferry.home);
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Installed before any script of the page runs (on the reload), so every violation is seen.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Files' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: 'Home' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(errors).toEqual([]);
});
