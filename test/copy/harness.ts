import type { Readable } from 'node:stream';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { openLibrary, type Db } from '../../src/main/engine/db/library';
import { JobManager } from '../../src/main/engine/jobs/job-manager';
import { CopyService, type CopyHandle, type CopyRequest } from '../../src/main/engine/copy/copy-service';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { tempDir } from '../helpers/tree';

/** A library file, a job manager and a copy service over real temp folders. */
export interface Lab { root: string; dbFile: string; db: Db; jobs: JobManager; service: CopyService; close(): void }

export function lab(): Lab {
  const root = tempDir('ferry-copy-');
  const dbFile = path.join(root, 'library.db');
  const db = openLibrary(dbFile);
  const jobs = new JobManager(db);
  const service = new CopyService({ db, dbFile, jobs });
  return { root, dbFile, db, jobs, service, close: () => { jobs.close(); db.close(); } };
}

export interface Run { handle: CopyHandle; events: FerryEvent[]; completed: EventOf<'completed'> }

/** Starts a copy, records every event from the first, and waits for the end. */
export async function copy(l: Lab, req: Omit<CopyRequest, 'onEvent'>, onEvent?: (e: FerryEvent, h: () => CopyHandle) => void): Promise<Run> {
  const events: FerryEvent[] = [];
  let handle: CopyHandle | undefined;
  // eslint-disable-next-line prefer-const -- onEvent may run before start() returns: a const would still be in its temporal dead zone and throw
  handle = await l.service.start({ ...req, onEvent: (e) => { events.push(e); onEvent?.(e, () => handle!); } });
  const completed = await handle.done;
  return { handle, events, completed };
}

export function ofType<T extends FerryEvent['type']>(events: FerryEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** Files whose name marks a copy in progress. */
export function tempLeftovers(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.ferry-')) out.push(path.join(d, e.name));
      if (e.isDirectory()) walk(path.join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

/** The CLI of this build (the same file `bin/ferry` runs, found next to this test in out/…). */
export const CLI_MAIN = path.join(__dirname, '..', '..', 'src', 'main', 'hosts', 'cli', 'main.js');
const SHIM = `require(${JSON.stringify(CLI_MAIN)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 70; });`;

export interface CliRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; events: FerryEvent[] }

export interface Ferry {
  child: ReturnType<typeof spawn>;
  /** Resolves at exit. */
  exited: Promise<CliRun>;
  /** Calls `listener` with each JSON event line as it arrives on stdout. */
  onEvent(listener: (e: FerryEvent) => void): void;
}

/** Runs `ferry ARGS` as its own process (FERRY_DB set), like bin/ferry does. */
export function ferry(args: string[], env: Record<string, string>, options: { stdin?: string | 'pipe' } = {}): Ferry {
  const child = spawn(process.execPath, ['-e', SHIM, ...args], {
    env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const events: FerryEvent[] = [];
  const listeners: ((e: FerryEvent) => void)[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  onEventLines(child.stdout!, (e) => {
    events.push(e);
    for (const l of listeners) l(e);
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  if (options.stdin !== 'pipe') child.stdin!.end(options.stdin ?? '');
  const exited = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, events }));
  });
  return { child, exited, onEvent: (l) => listeners.push(l) };
}

/** Calls `onEvent` with each JSON event line of a child's stdout as it arrives (other lines are not events). */
export function onEventLines(stdout: Readable, onEvent: (e: FerryEvent) => void): void {
  let partial = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    let nl: number;
    while ((nl = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, nl);
      partial = partial.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      let e: FerryEvent;
      try { e = JSON.parse(line) as FerryEvent; } catch { continue; }
      onEvent(e);
    }
  });
}
