'use strict';
/**
 * Finds a Chromium for the end-to-end tests, or obtains one where it can. Order: $FERRY_CHROMIUM,
 * Playwright's own browser, the system's. If none: Playwright's installer, then (as root on Debian)
 * `apt-get install -y chromium`; otherwise a clear message. Never a silent skip.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

function playwrightChromium() {
  try {
    const p = require('playwright').chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch { return null; }
}

/** Playwright's own installer (its package exports no `cli` subpath: the file is found beside package.json). */
function playwrightInstall() {
  let cli;
  try {
    cli = path.join(path.dirname(require.resolve('playwright/package.json')), 'cli.js');
  } catch { return; }
  spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
}

function findChromium() {
  if (process.env.FERRY_CHROMIUM) {
    if (fs.existsSync(process.env.FERRY_CHROMIUM)) return process.env.FERRY_CHROMIUM;
    throw new Error(`FERRY_CHROMIUM is set to ${process.env.FERRY_CHROMIUM}, which does not exist`);
  }
  return playwrightChromium() ?? SYSTEM.find((p) => fs.existsSync(p)) ?? null;
}

function ensureChromium(log = (m) => process.stderr.write(`ferry: ${m}\n`)) {
  let found = findChromium();
  if (found) return found;
  log('no Chromium found for the end-to-end tests; trying Playwright\'s installer…');
  playwrightInstall();
  found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    log('installing Debian\'s chromium with apt-get…');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    found = findChromium();
    if (found) return found;
  }
  throw new Error(
    'The end-to-end tests need Chromium and none could be found or installed.\n' +
    '  Debian/Ubuntu: sudo apt-get install chromium    (or: npx playwright install chromium)\n' +
    '  Or point FERRY_CHROMIUM at a Chromium or Chrome executable.');
}

module.exports = { findChromium, ensureChromium };
