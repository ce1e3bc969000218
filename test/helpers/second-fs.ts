import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';

/**
 * A second real file system beside the disk, for the tests of a move across file systems (rename(2) answers
 * EXDEV between the two): a tmpfs mounted on a temp folder, unmounted when the test process exits. Only
 * root can mount: `skip` then says why, for `test(..., { skip })`.
 */
export interface SecondFs { dir: string | null; skip: string | false }

/** Mount points to undo at exit (not temp folders of tree.ts: its clean-up would meet a mount it cannot remove). */
const mounted: string[] = [];
const made: string[] = [];
process.on('exit', () => {
  for (const dir of mounted.splice(0)) spawnSync('umount', ['-l', dir]);
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function secondFileSystem(sizeMb = 256): SecondFs {
  if (process.getuid?.() !== 0) return { dir: null, skip: 'mounting a second file system (tmpfs) needs root; CI runs as root' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-tmpfs-'));
  made.push(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { dir: null, skip: `could not mount a tmpfs: ${(r.stderr || r.error?.message || '').trim()}` };
  mounted.push(dir);
  return { dir, skip: false };
}

/** A folder of its own on the second file system. */
export function folderOn(fsDir: string, name: string): string {
  const dir = path.join(fsDir, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Makes `dir` read-only for everyone, root included (a read-only bind mount of itself: unlink answers EROFS),
 * so that the originals in it cannot be removed; as another user a chmod does the same. Returns the undo,
 * to call before the test ends (the temp folder's clean-up cannot remove a mount point).
 */
export function readOnlyFolder(dir: string): () => void {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return () => fs.chmodSync(dir, 0o755);
  }
  const bind = spawnSync('mount', ['--bind', dir, dir], { encoding: 'utf8' });
  if (bind.status !== 0) throw new Error(`mount --bind: ${bind.stderr}`);
  const undo = () => { spawnSync('umount', ['-l', dir]); };
  const ro = spawnSync('mount', ['-o', 'remount,bind,ro', dir], { encoding: 'utf8' });
  if (ro.status !== 0) { undo(); throw new Error(`remount ro: ${ro.stderr}`); }
  return undo;
}
