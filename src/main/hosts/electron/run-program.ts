import { execFile } from 'node:child_process';
import type { ProgramCall, RunProgram } from './windows-file-drop';

/**
 * Runs a helper program (PowerShell for Windows' clipboard), never through a shell: the input goes on its
 * stdin, its stdout comes back. A helper that hangs is killed after `timeoutMs`, and the call fails.
 */
export function createProgramRunner(timeoutMs = 10_000): RunProgram {
  return ({ file, args, input }: ProgramCall) => new Promise<string>((resolve, reject) => {
    const child = execFile(file, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
    child.stdin?.on('error', () => undefined); // a program that exits without reading its input
    child.stdin?.end(input);
  });
}
