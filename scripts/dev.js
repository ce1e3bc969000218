#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: the UI with hot reload. A real `ferry serve` (engine and API, from the build) runs behind the
 * Vite dev server, which serves src/renderer straight from the sources with React Fast Refresh and forwards
 * the API's WebSocket (/api) to ferry serve. Edit a component and the page updates in place; engine changes
 * need a restart (the engine runs from out/node, built one-to-one for its worker threads). docs/development.md.
 * Usage: dev.js [--port N] [--no-build] [ferry serve options: --db PATH, --limit-rate RATE…]
 *   --port N     the dev server's port (default 5173, the next free one when taken; 0 = any)
 *   --no-build   use out/node as it is (the tests do: they run from a build they must not replace)
 */
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const say = (msg) => process.stderr.write(`ferry dev: ${msg}\n`);

/**
 * The page's CSP in development only: the React Fast Refresh preamble is an inline script and Vite injects
 * each stylesheet as an inline <style>, both refused by the built page's CSP (src/renderer/index.html, which
 * `vite build` ships unchanged). The rest stays as strict: no eval, no remote content.
 */
function devCsp(csp) {
  return csp
    .replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'")
    .replace(/style-src 'self'/, "style-src 'self' 'unsafe-inline'");
}

const relaxCspInDev = {
  name: 'ferry-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/, (_m, head, csp) => `${head}${devCsp(csp)}"`),
};

function parseArgs(argv) {
  const own = { port: 5173, build: true };
  const serveArgs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') own.build = false;
    else if (argv[i] === '--port' && i + 1 < argv.length) own.port = Number(argv[++i]);
    else serveArgs.push(argv[i]);
  }
  if (!Number.isInteger(own.port) || own.port < 0 || own.port > 65535) throw new Error('--port takes a port number (0-65535)');
  return { own, serveArgs };
}

/** Starts `ferry serve` on a free loopback port; resolves with it and its URL (which carries the token). */
function startFerryServe(serveArgs) {
  const args = [path.join(root, 'bin', 'ferry'), 'serve', '--port', '0', ...serveArgs];
  // As `npm start` does: the person at the keyboard asked for it, so as root it serves anyway and says so.
  if (process.getuid && process.getuid() === 0 && !serveArgs.includes('--allow-root')) {
    say('running as root: whoever has the address printed below can read and copy every file on this computer.');
    args.push('--allow-root');
  }
  // Its own process group: Ctrl+C reaches only this script, which passes one SIGTERM on (a second signal
  // would end ferry serve before its clean shutdown).
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  // Whichever way this process ends (Vite's own SIGTERM and stdin handlers call process.exit()), ferry serve
  // ends with it: it shuts down cleanly on SIGTERM, interrupting copies still running so they can be resumed.
  process.on('exit', () => { if (child.exitCode === null) child.kill('SIGTERM'); });
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d) => {
      buf += d;
      const m = /https?:\/\/\S+/.exec(buf);
      if (!m) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({ child, url: new URL(m[0]) });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`ferry serve exited (${code}) before it was serving`)));
  });
}

async function main() {
  const { own, serveArgs } = parseArgs(process.argv.slice(2));
  if (own.build) {
    // Installs and builds what is missing or stale, as `npm start` does (the renderer's build included, once).
    const { checkNode, ensureDependencies, ensureBuild } = require('./bootstrap');
    checkNode();
    ensureDependencies();
    ensureBuild();
  }
  // SIGTERM ends through process.exit (as Vite's own handler does), so that the 'exit' hook stops ferry serve.
  process.once('SIGTERM', () => process.exit(143));
  const ferry = await startFerryServe(serveArgs);
  let stopping = false;
  ferry.child.once('exit', (code) => {
    if (stopping) return;
    say(`ferry serve stopped (exit code ${code}); stopping the dev server`);
    process.exit(code ?? 1);
  });
  // Ctrl+C: let ferry serve finish its clean shutdown, then end.
  process.once('SIGINT', () => {
    stopping = true;
    if (ferry.child.exitCode !== null) process.exit(0);
    ferry.child.once('exit', () => process.exit(0));
    ferry.child.kill('SIGTERM');
  });
  say(`engine and API: ferry serve on ${ferry.url.protocol}//${ferry.url.host}`);
  const token = ferry.url.searchParams.get('token');

  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.join(root, 'vite.renderer.mts'),
    plugins: [relaxCspInDev],
    // Its pre-bundled dependencies go with the other build output, not into node_modules (which may be shared).
    cacheDir: path.join(root, 'out', 'vite-dev'),
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: own.port,
      strictPort: false,
      proxy: {
        // Exactly /api (src/renderer/api/… are modules served at /api/…). ferry serve checks Host and Origin
        // against its own address (DNS rebinding, cross-site pages): the proxy presents its own. The token is
        // still checked on every connection, as without the proxy.
        '^/api(\\?.*)?$': { target: `http://${ferry.url.host}`, ws: true, changeOrigin: true, rewriteWsOrigin: true },
        // The user's files (GET /file?path=…, the browser host's Open and previews), token checked the same way.
        '^/file(\\?.*)?$': { target: `http://${ferry.url.host}`, changeOrigin: true },
      },
    },
  });
  await vite.listen();
  console.log(`Ferry (development, hot reload) on http://127.0.0.1:${vite.httpServer.address().port}/?token=${token}`);
}

if (require.main === module) {
  main().catch((err) => {
    say(err && err.message ? err.message : String(err));
    process.exit(1);
  });
}
