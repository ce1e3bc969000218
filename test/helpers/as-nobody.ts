import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../src/main/project-root';

/**
 * Running Ferry's code as an unprivileged user. Permission tests need one: chmod 000 does not stop root,
 * and CI runs as root. As root, the code runs as `nobody`; as anyone else, as that user.
 *
 * `nobody` must be able to read the built code. A checkout in a folder others cannot enter (`/root`, a
 * `mktemp -d` folder) hides it, so as root the project is then bind-mounted at a folder of its own under
 * the temp dir for the length of the test process, and module paths are handed to the child there.
 */

export const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

interface Visible { root: string; from: string }
let visible: Visible | null | undefined;
let whyNot: string | undefined;

function nobodyReads(file: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -r "$1"', 'sh', file], { uid: NOBODY, gid: NOBODY }).status === 0;
}

/** The project as `nobody` can reach it: where it is, or a bind mount of it (null: neither). */
function visibleProject(): Visible | null {
  if (visible !== undefined) return visible;
  const from = projectRoot();
  const probe = (root: string) => nobodyReads(path.join(root, 'package.json'))
    && nobodyReads(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'));
  if (!isRoot || probe(from)) return (visible = { root: from, from });
  const at = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-visible-'));
  fs.chmodSync(at, 0o755);
  const mount = spawnSync('mount', ['--bind', from, at], { encoding: 'utf8' });
  if (mount.status !== 0 || !probe(at)) {
    if (mount.status === 0) spawnSync('umount', ['-l', at]);
    fs.rmdirSync(at);
    whyNot = `the checkout ${from} lies in a folder the unprivileged user nobody cannot enter, and binding it `
      + `elsewhere failed (${(mount.stderr || 'nobody still cannot read it').trim()})`;
    return (visible = null);
  }
  process.on('exit', () => {
    spawnSync('umount', ['-l', at]);
    try { fs.rmdirSync(at); } catch { /* still busy: the temp dir's cleaner takes it */ }
  });
  return (visible = { root: at, from });
}

/**
 * Why unprivileged tests cannot run here (a `skip` reason), or false when they can: as root that needs the
 * project readable by `nobody` (directly or through a bind mount).
 */
export function unprivilegedSkip(): string | false {
  if (!isRoot) return false;
  return visibleProject() ? false : whyNot!;
}

/** A path inside the project as the unprivileged child reaches it. */
export function reachable(p: string): string {
  const v = visibleProject();
  if (!v || v.root === v.from) return p;
  const rel = path.relative(v.from, p);
  return rel.startsWith('..') ? p : path.join(v.root, rel);
}

/** `node args…` as `nobody` when root, else as this user. Module paths in `args` must come from `reachable`. */
export function runNodeUnprivileged(args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}): SpawnSyncReturns<string> {
  const as = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  return spawnSync(process.execPath, args, { cwd: '/', ...options, ...as, encoding: 'utf8' });
}
