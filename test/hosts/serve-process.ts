import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/main/project-root';

/** Starting a real `ferry serve` (or `npm start`) process, as a user does, for the host tests. */

/** Runs a process and resolves with the URL of its first stdout line that has one. */
export function spawnUntilUrl(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: URL; stdout: string[]; stderr: () => string }> {
  const child = spawn(process.execPath, args, { cwd: projectRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        const m = /https?:\/\/\S+/.exec(line);
        if (m) resolve({ child, url: new URL(m[0]), stdout: lines, stderr: () => err });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing a URL: ${err}`)));
  });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.PORT;
  delete env.FERRY_BROWSER;
  return env;
}
