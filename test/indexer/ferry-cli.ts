import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot } from '../../src/main/project-root';
import { tempDir } from '../helpers/tree';

/** The real `bin/ferry`, as a user runs it (stdout and stderr are pipes: not a terminal). */
export const FERRY = path.join(projectRoot(), 'bin', 'ferry');

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** A library file of its own in a temp dir, passed as $FERRY_DB. */
export function libraryEnv(): { FERRY_DB: string; env: NodeJS.ProcessEnv } {
  const FERRY_DB = path.join(tempDir('ferry-cli-'), 'library.db');
  return { FERRY_DB, env: { ...process.env, FERRY_DB } };
}

export function ferry(args: string[], env: NodeJS.ProcessEnv, cwd?: string): CliResult {
  const r = spawnSync(process.execPath, [FERRY, ...args], { env, cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function ferryAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FERRY, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
