import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './tree';

/**
 * The trash tests' world: a home of their own (HOME and XDG_DATA_HOME point into a temp folder, so the
 * real home trash is never touched), a second real file system (tmpfs, or an ext2 image where GIO must see
 * it: GIO refuses to trash on tmpfs, a "system internal" mount), and Debian's `gio` run on a session bus.
 */
export function homeOfItsOwn(): { home: string; dataHome: string; homeTrash: string } {
  const home = fs.realpathSync(tempDir('ferry-trash-home-'));
  const dataHome = path.join(home, '.local', 'share');
  process.env.HOME = home;
  process.env.XDG_DATA_HOME = dataHome;
  return { home, dataHome, homeTrash: path.join(dataHome, 'Trash') };
}

export const isRoot = process.getuid?.() === 0;

/** Why a second file system cannot be mounted here, or null when it can. */
export function mountSkipReason(): string | null {
  return isRoot ? null : 'mounting a second file system needs root';
}

/** Mounts a fresh file system at a new temp folder; returns it and its unmount. `ext2` as a loop image. */
export function mountScratch(kind: 'tmpfs' | 'ext2'): { dir: string; unmount: () => void } {
  const dir = tempDir(`ferry-trash-${kind}-`);
  let image: string | undefined;
  if (kind === 'tmpfs') {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]);
  } else {
    image = `${dir}.img`;
    fs.writeFileSync(image, '');
    fs.truncateSync(image, 8 * 1024 * 1024);
    execFileSync('mkfs.ext2', ['-q', '-F', image]);
    execFileSync('mount', ['-o', 'loop', image, dir]);
    fs.rmSync(path.join(dir, 'lost+found'), { recursive: true, force: true });
  }
  return {
    dir,
    unmount: () => {
      spawnSync('umount', [dir]);
      if (image) fs.rmSync(image, { force: true });
    },
  };
}

/** Why `gio trash` cannot run here, or null when it can (it needs gvfs and a session bus). */
export function gioSkipReason(): string | null {
  for (const tool of ['gio', 'dbus-run-session', 'mkfs.ext2']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed (apt-get install libglib2.0-bin gvfs dbus-user-session e2fsprogs)`;
  }
  if (!fs.existsSync('/usr/libexec/gvfsd-trash') && !fs.existsSync('/usr/lib/gvfs/gvfsd-trash')) return 'gvfs is not installed';
  return null;
}

/** Runs `gio ARGS…` on a session bus of its own, with this test's HOME and XDG_DATA_HOME. */
export function gio(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('dbus-run-session', ['--', 'gio', ...args], {
    env: { ...process.env, GIO_USE_VFS: undefined, LC_ALL: 'C.UTF-8' } as NodeJS.ProcessEnv,
    cwd, encoding: 'utf8', timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `gio trash --list` as [trash URI, original path] pairs (gio shows a byte that is not UTF-8 as \xNN). */
export function gioList(): [string, string][] {
  const r = gio(['trash', '--list']);
  if (r.status !== 0) throw new Error(`gio trash --list failed: ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean)
    .map((l) => { const [uri, original] = l.split('\t'); return [uri!, unescapeGio(original!)] as [string, string]; })
    .sort((a, b) => a[1].localeCompare(b[1]));
}

/** gio prints a path's bytes outside ASCII as `\xNN`: the path's own UTF-8 text again. */
function unescapeGio(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('\\x', i) && /^[0-9a-f]{2}$/i.test(s.slice(i + 2, i + 4))) {
      bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      bytes.push(...Buffer.from(s[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
