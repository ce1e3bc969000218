import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Running tools and timing them: wall clock around a child process, medians over repetitions. */

export interface RunResult {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
  /** ms from spawn to the arrival of each stdout line (for `--json` event streams). */
  lineTimes: { line: string; ms: number }[];
}

export function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; captureStdout?: boolean; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    const lineTimes: RunResult['lineTimes'] = [];
    let stdout = '';
    let partial = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const now = performance.now() - start;
      stdout += chunk;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) lineTimes.push({ line, ms: now });
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - start, status, stdout, stderr, lineTimes });
    });
  });
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}
