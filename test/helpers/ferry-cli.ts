import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import * as path from 'node:path';
import { projectRoot } from '../../src/main/project-root';
import type { FerryEvent } from '../../src/shared/events';
import { reachable, runNodeUnprivileged } from './as-nobody';
import { tempDir } from './tree';

/**
 * Running the real `bin/ferry` in tests, as a user runs it: its own process, stdout and stderr pipes (not a
 * terminal), the environment given merged over this process's. Every CLI test goes through here, so that
 * one place knows how ferry is started, how its `--json` events are read and when a hung run is killed.
 */

/** The real `bin/ferry` (it runs this build: out/node next to it). */
export const FERRY = path.join(projectRoot(), 'bin', 'ferry');

/** How long a run may take before it is SIGKILLed: below the test timeout, so a hang fails its test with output. */
const DEFAULT_DEADLINE_MS = 60_000;

export interface CliResult {
  code: number | null;
  /** Set when the run was killed (by the test, or by the deadline). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The JSON event lines of stdout, in order (with `--json`; other lines are not events). */
  events: FerryEvent[];
}

/** A library file of its own in a temp dir, passed as $FERRY_DB. */
export function libraryEnv(): { FERRY_DB: string; env: NodeJS.ProcessEnv } {
  const FERRY_DB = path.join(tempDir('ferry-cli-'), 'library.db');
  return { FERRY_DB, env: { ...process.env, FERRY_DB } };
}

/** `ferry ARGS`, waited for (in `cwd` when given: a test that checks nothing is created where it runs). */
export function ferry(args: string[], env: NodeJS.ProcessEnv, cwd?: string): CliResult {
  const r = spawnSync(process.execPath, [FERRY, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: DEFAULT_DEADLINE_MS });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, events: eventsOf(r.stdout) };
}

/**
 * `ferry ARGS` as the unprivileged user of as-nobody.ts (`nobody` when root): for the tests of permission
 * errors, which root would not meet. Its HOME is the library's folder, which that user can write.
 */
export function ferryUnprivileged(args: string[], env: NodeJS.ProcessEnv & { FERRY_DB: string }): CliResult {
  const r = runNodeUnprivileged([reachable(FERRY), ...args], {
    env: { ...process.env, ...env, HOME: path.dirname(env.FERRY_DB) }, timeout: DEFAULT_DEADLINE_MS,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, events: eventsOf(r.stdout) };
}

/**
 * `ferry ARGS` as a shell command line, each word quoted: for `script -c`, which runs it on a pseudo-terminal
 * (util-linux), so that ferry's stdout is a TTY as in a user's shell.
 */
export function ferryCommandLine(args: string[]): string {
  return [process.execPath, FERRY, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}

export interface RunningFerry {
  child: ChildProcess;
  /** Resolves when the process has exited and its pipes are closed. */
  exited: Promise<CliResult>;
  /** Calls `listener` with each JSON event line as it arrives on stdout. */
  onEvent(listener: (e: FerryEvent) => void): void;
}

export interface StartOptions {
  /** Text written to stdin, which is then closed (default: empty); 'pipe' leaves stdin open to the test. */
  stdin?: string | 'pipe';
  /** Past it the process is SIGKILLed and `signal` says so: a copy that hangs fails its test instead of hanging it. */
  deadlineMs?: number;
}

/** `ferry ARGS` started: the test can watch its events, write to its stdin and signal it while it runs. */
export function startFerry(args: string[], env: NodeJS.ProcessEnv, options: StartOptions = {}): RunningFerry {
  const child = spawn(process.execPath, [FERRY, ...args], {
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
  const killer = setTimeout(() => child.kill('SIGKILL'), options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => { clearTimeout(killer); resolve({ code, signal, stdout, stderr, events }); });
  });
  return { child, exited, onEvent: (l) => listeners.push(l) };
}

/** `ferry ARGS` run to its end; `onEvent` sees each event as it arrives, with the child (to signal it). */
export function runFerry(args: string[], env: NodeJS.ProcessEnv, options: StartOptions & {
  onEvent?: (e: FerryEvent, child: ChildProcess) => void;
} = {}): Promise<CliResult> {
  const run = startFerry(args, env, options);
  const { onEvent } = options;
  if (onEvent) run.onEvent((e) => onEvent(e, run.child));
  return run.exited;
}

/** Calls `onEvent` with each JSON event line of a child's stdout as it arrives (other lines are not events). */
export function onEventLines(stdout: Readable, onEvent: (e: FerryEvent) => void): void {
  let partial = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    let nl: number;
    while ((nl = partial.indexOf('\n')) >= 0) {
      const event = parseEventLine(partial.slice(0, nl));
      partial = partial.slice(nl + 1);
      if (event) onEvent(event);
    }
  });
}

function eventsOf(stdout: string): FerryEvent[] {
  return stdout.split('\n').map(parseEventLine).filter((e): e is FerryEvent => e !== null);
}

function parseEventLine(line: string): FerryEvent | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as FerryEvent;
  } catch {
    return null;
  }
}
