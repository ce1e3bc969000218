import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import * as path from 'node:path';
import { tempDir } from '../helpers/tree';
import { connect, request, ApiClient } from '../hosts/browser-client';
import { cleanEnv, exitOf, spawnUntilUrl } from '../hosts/serve-process';

/** `npm run dev` for real: scripts/dev.js (Vite's dev server in front of a real ferry serve), over real HTTP. */

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(true));
  });
}

test('npm run dev serves the page from the sources with hot reload, forwards the API, and stops ferry serve with it', async () => {
  const db = path.join(tempDir(), 'library.db');
  const { child, url, stderr } = await spawnUntilUrl(['scripts/dev.js', '--no-build', '--port', '0'], cleanEnv({ FERRY_DB: db }));
  try {
    const port = Number(url.port);
    const token = url.searchParams.get('token')!;
    assert.ok(token.length >= 20, `the printed address carries ferry serve's token: ${url.href}`);

    const page = await request(port, `/?token=${token}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<div id="root"><\/div>/);
    assert.match(page.body, /src="\/@vite\/client"/, 'the HMR client is injected');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page.body)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src 'self' 'unsafe-inline'/, 'relaxed in development for the styles Vite injects');
    assert.doesNotMatch(csp, /unsafe-eval|\*/);

    const entry = await request(port, '/main.tsx');
    assert.equal(entry.status, 200);
    assert.match(String(entry.headers['content-type']), /javascript/);
    assert.doesNotMatch(entry.body, /<[A-Z][A-Za-z]*[ />]/, 'JSX is compiled on the fly');
    // The renderer's own modules under /api/… are served, not forwarded to the API.
    assert.equal((await request(port, '/api/index.ts')).status, 200);

    const client = await connect(port, `/api?token=${token}`, { Origin: `http://127.0.0.1:${port}` });
    assert.ok(client instanceof ApiClient, `the API WebSocket goes through: ${JSON.stringify(client)}`);
    assert.deepEqual(await client.ok('listLocations', {}), []);
    client.ws.close();
    assert.deepEqual(await connect(port, '/api'), { refused: 401 }, 'the token is still required');

    const servePort = Number(/ferry serve on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr())?.[1]);
    assert.ok(servePort > 0, stderr());
    child.kill('SIGINT'); // Ctrl+C
    assert.equal(await exitOf(child), 0);
    const deadline = Date.now() + 20_000;
    while (!(await refusesConnections(servePort)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok(await refusesConnections(servePort), 'ferry serve stops with the dev server');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
