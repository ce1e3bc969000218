import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { projectRoot } from '../../src/main/project-root';

/**
 * The layer rule (scripts/eslint-layers.mjs) through ESLint's own API and the project's real eslint.config.mjs:
 * each snippet is linted as if it were the file it names, so the layer table and the exception are the ones
 * `npm run lint` applies.
 */
const eslint = new ESLint({
  cwd: projectRoot(),
  overrideConfigFile: path.join(projectRoot(), 'eslint.config.mjs'),
  ruleFilter: ({ ruleId }) => ruleId === 'layers/imports',
});

async function layerMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(projectRoot(), file) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

/** [the file the snippet pretends to be, the snippet, a word the refusal must give as its reason] */
const FORBIDDEN: ReadonlyArray<readonly [string, string, string]> = [
  ['src/main/engine/copy/x.ts', `import { app } from 'electron';`, 'plain Node'],
  ['src/main/engine/copy/x.ts', `import type { WebContents } from 'electron/main';`, 'plain Node'],
  ['src/main/engine/copy/x.ts', `const { ipcMain } = require('electron');`, 'plain Node'],
  ['src/main/engine/copy/x.ts', `export async function f() { return import('electron'); }`, 'plain Node'],
  ['src/main/engine/copy/x.ts', `import { formatBytes } from '../../hosts/cli/format';`, 'never imports a host'],
  ['src/main/engine/x.ts', `export * from './../hosts/browser/server';`, 'never imports a host'],
  ['src/main/engine/jobs/x.ts', `export type Ipc = typeof import('../../hosts/electron/ipc');`, 'never imports a host'],
  ['src/renderer/stores/x.ts', `import { createFerryEngine } from '../../main/engine/ferry-engine';`, 'FerryApi'],
  ['src/renderer/x.tsx', `import '../preload/index';`, 'FerryApi'],
  ['src/renderer/lib/x.ts', `import * as fs from 'node:fs';`, 'no Node built-ins'],
  ['src/renderer/lib/x.ts', `import * as path from 'path';`, 'no Node built-ins'],
  ['src/renderer/lib/x.ts', `import { promises } from 'fs/promises';`, 'no Node built-ins'],
  ['src/shared/x.ts', `import { openLibrary } from '../main/engine/db/library';`, 'contracts only'],
  ['src/shared/x.ts', `import { formatBytes } from '../renderer/lib/format';`, 'contracts only'],
  ['src/shared/x.ts', `import type { Client } from '../preload/api-client';`, 'contracts only'],
  ['src/main/hosts/browser/server.ts', `import { isAppUrl } from '../electron/security';`, 'never import each other'],
  ['src/main/hosts/electron/ipc.ts', `import { formatBytes } from '../cli/format';`, 'never import each other'],
  ['src/main/hosts/cli/commands/copy.ts', `import { startBrowserServer } from '../../browser/server';`, 'never import each other'],
  ['src/main/hosts/web-security.ts', `import type { WebPreferences } from 'electron';`, 'plain Node'],
  ['src/main/hosts/static-files.ts', `import { checkToken } from './browser/auth';`, 'imports none of them'],
];

const ALLOWED: ReadonlyArray<readonly [string, string]> = [
  ['src/main/engine/copy/x.ts', `import * as fs from 'node:fs';`],
  ['src/main/engine/copy/x.ts', `import type { FerryEvent } from '../../../shared/events';`],
  ['src/main/engine/copy/x.ts', `import { decide } from './file-copy';`],
  ['src/main/engine/db/x.ts', `import Database from 'better-sqlite3';`],
  ['src/main/engine/x.ts', `import { like } from './electron-like';`],
  ['src/renderer/stores/x.ts', `import type { FerryApi } from '../../shared/api';`],
  ['src/renderer/stores/x.ts', `import { create } from 'zustand';`],
  ['src/renderer/components/x.tsx', `import { useState } from 'react';`],
  ['src/shared/x.ts', `import { z } from 'zod';`],
  ['src/main/hosts/browser/server.ts', `import { securityHeaders } from '../web-security';`],
  ['src/main/hosts/browser/server.ts', `import { resolveStaticFile } from '../static-files';`],
  ['src/main/hosts/browser/server.ts', `import { createFerryEngine } from '../../engine/ferry-engine';`],
  ['src/main/hosts/browser/server.ts', `import { checkToken } from './auth';`],
  ['src/main/hosts/electron/protocol.ts', `import { protocol } from 'electron';`],
  ['src/main/hosts/electron/protocol.ts', `import { contentType } from '../static-files';`],
  ['src/main/hosts/cli/main.ts', `const load = () => require('./commands/copy');`],
  // The exception: `ferry serve` is the CLI command that starts the browser host.
  ['src/main/hosts/cli/commands/serve.ts', `import { startBrowserServer } from '../../browser/server';`],
  ['src/main/index.ts', `import { app } from 'electron';\nimport { installIpc } from './hosts/electron/ipc';`],
  // Tests may reach any layer: they are not part of one.
  ['test/hosts/x.test.ts', `import { isAppUrl } from '../../src/main/hosts/electron/security';`],
];

test('each forbidden import is reported, with the layer rule it breaks', async () => {
  for (const [file, code, reason] of FORBIDDEN) {
    const messages = await layerMessages(file, code);
    assert.equal(messages.length, 1, `${file}: ${code} → ${JSON.stringify(messages)}`);
    assert.match(messages[0]!, /^layers\/imports: /, `${file}: ${code}`);
    assert.ok(messages[0]!.includes(reason), `${file}: ${code} → ${messages[0]} (expected "${reason}")`);
  }
});

test('each allowed import passes', async () => {
  for (const [file, code] of ALLOWED) {
    assert.deepEqual(await layerMessages(file, code), [], `${file}: ${code}`);
  }
});

test('the exception for `ferry serve` covers that command only, and only the browser host', async () => {
  assert.equal((await layerMessages('src/main/hosts/cli/commands/serve.ts', `import { lockDown } from '../../electron/windows';`)).length, 1);
  assert.equal((await layerMessages('src/main/hosts/cli/commands/jobs.ts', `import { bindAddress } from '../../browser/server';`)).length, 1);
});
