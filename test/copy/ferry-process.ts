import { spawn, type ChildProcess } from 'node:child_process';
import { FERRY } from '../indexer/ferry-cli';
import { onEventLines } from './harness';
import type { FerryEvent } from '../../src/shared/events';

export interface Ended { code: number | null; signal: NodeJS.Signals | null; stderr: string; events: FerryEvent[] }

/**
 * The real `bin/ferry ARGS` (add `--json` for events) as its own process. `deadlineMs`: past it the
 * process is SIGKILLed and `signal` says so: a copy that hangs (or ignores SIGTERM) fails its test
 * instead of hanging it. `onEvent` sees each event as it arrives, with the child (to signal it).
 */
export function runFerry(args: string[], env: Record<string, string>, options: {
  deadlineMs?: number; onEvent?: (e: FerryEvent, child: ChildProcess) => void;
} = {}): Promise<Ended> {
  const child = spawn(process.execPath, [FERRY, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: FerryEvent[] = [];
  let stderr = '';
  onEventLines(child.stdout!, (e) => {
    events.push(e);
    options.onEvent?.(e, child);
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  const killer = setTimeout(() => child.kill('SIGKILL'), options.deadlineMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => { clearTimeout(killer); resolve({ code, signal, stderr, events }); });
  });
}
