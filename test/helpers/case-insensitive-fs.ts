import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './tree';

/**
 * A real case-insensitive file system for a test, as root: a vfat image loop-mounted where the kernel has
 * vfat, else an NTFS image through ntfs-3g's FUSE driver with `ignore_case` (lowntfs-3g), which is what a
 * Windows disk looks like to Linux. `.ci/run` installs dosfstools, ntfs-3g and fuse3.
 */
export type CaseInsensitiveFs = {
  dir: string;
  kind: string;
  /**
   * The names a folder of it holds as stored on disk. vfat lists them as stored; ntfs-3g with ignore_case
   * lists every name in lower case, so its image is read through a second, case-sensitive mount.
   */
  storedNames(rel?: string): string[];
  unmount(): void;
} | { skip: string };

export function mountCaseInsensitiveFs(): CaseInsensitiveFs {
  if (process.getuid?.() !== 0) return { skip: 'needs root to mount a case-insensitive file system' };
  const base = tempDir();
  const dir = path.join(base, 'mnt');
  fs.mkdirSync(dir);
  const image = path.join(base, 'disk.img');
  const tried: string[] = [];
  const plain = path.join(base, 'plain');
  fs.mkdirSync(plain);
  const attempts: Array<{ kind: string; make: () => void; mount: () => void; unmount: () => void; storedNames: (rel: string) => string[] }> = [
    {
      kind: 'vfat',
      make: () => run('mkfs.vfat', [image]),
      mount: () => run('mount', ['-o', 'loop', image, dir]),
      unmount: () => run('umount', [dir]),
      storedNames: (rel) => fs.readdirSync(path.join(dir, rel)).sort(),
    },
    {
      kind: 'ntfs (ntfs-3g, ignore_case)',
      make: () => run('mkntfs', ['-F', '-Q', '-q', image]),
      mount: () => run('lowntfs-3g', ['-o', 'ignore_case', image, dir]),
      unmount: () => run('fusermount', ['-u', dir]),
      storedNames: (rel) => {
        run('fusermount', ['-u', dir]);
        run('lowntfs-3g', ['-o', 'ro', image, plain]);
        try {
          return fs.readdirSync(path.join(plain, rel)).sort();
        } finally {
          run('fusermount', ['-u', plain]);
          run('lowntfs-3g', ['-o', 'ignore_case', image, dir]);
        }
      },
    },
  ];
  for (const a of attempts) {
    try {
      fs.rmSync(image, { force: true });
      fs.writeFileSync(image, '');
      fs.truncateSync(image, 16 * 1024 * 1024);
      a.make();
      a.mount();
      return { dir, kind: a.kind, unmount: a.unmount, storedNames: (rel = '') => a.storedNames(rel) };
    } catch (err) {
      tried.push(`${a.kind}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return { skip: `no case-insensitive file system can be mounted here (${tried.join('; ')})` };
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: 'ignore' });
}
