import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FerryError } from '../../../shared/errors';
import { fsPath } from '../fs/byte-names';

/**
 * Which trash folder an item goes to, and every trash folder there is (freedesktop.org Trash
 * specification 1.0, "Trash directories"): the home trash for items on its file system; on another
 * mount, `$topdir/.Trash/$uid` when the administrator made `$topdir/.Trash` (a real folder with the
 * sticky bit, not a link), else `$topdir/.Trash-$uid`, created 0700.
 */

export interface TrashDir {
  /** The trash folder: it holds `files/`, `info/` and maybe `directorysizes`. */
  path: string;
  /** The mount's top folder for a `$topdir` trash (its `Path=` values are relative to it); null for the home trash. */
  topdir: string | null;
}

/** `$XDG_DATA_HOME/Trash`, where XDG_DATA_HOME defaults to ~/.local/share (a relative value is ignored, as XDG says). */
export function homeTrashPath(env: NodeJS.ProcessEnv = process.env): string {
  const dataHome = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
    ? env.XDG_DATA_HOME
    : path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(dataHome, 'Trash');
}

export function uid(): number {
  return process.getuid?.() ?? 0;
}

/** What the specification asks of an administrator's `$topdir/.Trash` before it is used (pure). */
export function isValidSharedTrash(st: Pick<fs.Stats, 'isDirectory' | 'isSymbolicLink' | 'mode'> | null): boolean {
  return st !== null && !st.isSymbolicLink() && st.isDirectory() && (st.mode & 0o1000) !== 0;
}

/**
 * The mount points in /proc/self/mountinfo's text (pure): the fifth field, with the kernel's octal escapes
 * (`\040` for a space…) undone.
 */
export function parseMountPoints(mountinfo: string): string[] {
  const points: string[] = [];
  for (const line of mountinfo.split('\n')) {
    const field = line.split(' ')[4];
    if (field) points.push(field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
  }
  return points;
}

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(fsPath(p));
  } catch {
    return null;
  }
}

/** The highest folder above `dir` (itself included) on the same device: the mount's top folder. */
export function mountTopOf(dir: string): string {
  let top = dir;
  const dev = fs.statSync(fsPath(dir)).dev;
  for (;;) {
    const parent = path.dirname(top);
    if (parent === top) return top;
    if (fs.statSync(fsPath(parent)).dev !== dev) return top;
    top = parent;
  }
}

/** The device of `p`, or of its nearest existing folder above it (the home trash may not exist yet). */
function deviceOfNearest(p: string): number {
  for (let at = p; ; at = path.dirname(at)) {
    const st = lstatOrNull(at);
    if (st) return st.dev;
    if (path.dirname(at) === at) return -1;
  }
}

/**
 * The trash folder for an item whose parent folder is `parentDir` (a real path) on device `dev`, made
 * (0700, with its `files/` and `info/`) when missing. Throws TRASH_UNAVAILABLE when the mount has none and
 * none can be made (a read-only mount, a top folder the user cannot write in).
 */
export function trashDirFor(parentDir: string, dev: number, env: NodeJS.ProcessEnv = process.env): TrashDir {
  const home = homeTrashPath(env);
  if (deviceOfNearest(home) === dev) {
    ensureTrashDir(home);
    return { path: home, topdir: null };
  }
  const topdir = mountTopOf(parentDir);
  const shared = path.join(topdir, '.Trash');
  if (isValidSharedTrash(lstatOrNull(shared))) {
    const mine = path.join(shared, String(uid()));
    const st = lstatOrNull(mine);
    const usable = st ? st.isDirectory() && !st.isSymbolicLink() : true;
    if (usable && tryEnsure(mine)) return { path: mine, topdir };
  }
  const own = path.join(topdir, `.Trash-${uid()}`);
  const st = lstatOrNull(own);
  if (st && (st.isSymbolicLink() || !st.isDirectory())) {
    throw new FerryError('TRASH_UNAVAILABLE', `${own} is not a real folder, so nothing on ${topdir} can go to the trash; the item was left where it is`, own);
  }
  if (!tryEnsure(own)) {
    throw new FerryError('TRASH_UNAVAILABLE', `No trash can be made on ${topdir} (read-only, or not writable by you); the item was left where it is`, own);
  }
  return { path: own, topdir };
}

function tryEnsure(dir: string): boolean {
  try {
    ensureTrashDir(dir);
    return true;
  } catch {
    return false;
  }
}

/** The trash folder with its `files/` and `info/`, each made 0700 when missing. */
export function ensureTrashDir(dir: string): void {
  fs.mkdirSync(fsPath(dir), { recursive: true, mode: 0o700 });
  for (const sub of ['files', 'info']) fs.mkdirSync(fsPath(path.join(dir, sub)), { recursive: true, mode: 0o700 });
}

/** Every trash folder that exists: the home trash, then each mount's `.Trash/$uid` and `.Trash-$uid`. */
export function allTrashDirs(env: NodeJS.ProcessEnv = process.env): TrashDir[] {
  const found: TrashDir[] = [];
  const seen = new Set<string>();
  const add = (dir: string, topdir: string | null) => {
    const st = lstatOrNull(path.join(dir, 'info'));
    if (!st || !st.isDirectory()) return;
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ path: dir, topdir });
  };
  add(homeTrashPath(env), null);
  let mountinfo = '';
  try {
    mountinfo = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    // Not Linux: the home trash only.
  }
  for (const top of parseMountPoints(mountinfo)) {
    const shared = path.join(top, '.Trash');
    if (isValidSharedTrash(lstatOrNull(shared))) add(path.join(shared, String(uid())), top);
    const own = path.join(top, `.Trash-${uid()}`);
    const st = lstatOrNull(own);
    if (st && st.isDirectory() && !st.isSymbolicLink()) add(own, top);
  }
  return found;
}
