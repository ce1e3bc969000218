import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fixture value: file contents, a symlink, an empty directory, or a file with a given mtime/mode. */
export type Spec = string | Buffer | { symlink: string } | { dir: true } | { content: string | Buffer; mtime?: Date; mode?: number };
export const symlink = (target: string): Spec => ({ symlink: target });
export const emptyDir = (): Spec => ({ dir: true });

/** Makes a fresh temp directory, removed when the test process exits (or by `cleanup`). */
export function tempDir(prefix = 'ferry-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}
const created: string[] = [];
process.on('exit', () => { for (const d of created) fs.rmSync(d, { recursive: true, force: true }); });

/** Writes a tree: `tree(tmp, { 'a/b.txt': 'x', 'link': symlink('a'), 'empty': emptyDir() })`. */
export function tree(root: string, spec: Record<string, Spec>): string {
  for (const [rel, value] of Object.entries(spec)) {
    const p = path.join(root, rel);
    if (typeof value === 'object' && !Buffer.isBuffer(value) && 'dir' in value) {
      fs.mkdirSync(p, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof value === 'object' && !Buffer.isBuffer(value) && 'symlink' in value) {
      fs.symlinkSync(value.symlink, p);
    } else if (typeof value === 'object' && !Buffer.isBuffer(value)) {
      fs.writeFileSync(p, value.content);
      if (value.mode !== undefined) fs.chmodSync(p, value.mode);
      if (value.mtime) fs.utimesSync(p, value.mtime, value.mtime);
    } else {
      fs.writeFileSync(p, value);
    }
  }
  return root;
}

export interface SnapshotEntry { kind: 'file' | 'dir' | 'symlink' | 'other'; content?: string; target?: string; mode?: number; mtimeMs?: number }

/**
 * Reads a tree back into a comparable object: relative path → kind plus contents (files, as base64
 * when not UTF-8), link target (symlinks). `withMeta` adds mode and mtime (rounded to ms).
 */
export function snapshot(root: string, options: { withMeta?: boolean } = {}): Record<string, SnapshotEntry> {
  const out: Record<string, SnapshotEntry> = {};
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(p);
      const meta = options.withMeta ? { mode: st.mode & 0o7777, mtimeMs: Math.floor(st.mtimeMs) } : {};
      if (st.isSymbolicLink()) out[r] = { kind: 'symlink', target: fs.readlinkSync(p) };
      else if (st.isDirectory()) { out[r] = { kind: 'dir', ...meta }; walk(p, r); }
      else if (st.isFile()) out[r] = { kind: 'file', content: fs.readFileSync(p).toString('base64'), ...meta };
      else out[r] = { kind: 'other' };
    }
  };
  walk(root, '');
  return out;
}

/** A spec of `n` files of `size` bytes spread over `folders` folders (`d0/f0.txt`, `d1/f1.txt`…), for copies that take a while. */
export function manyFiles(n: number, size = 200, folders = 40): Record<string, string> {
  const spec: Record<string, string> = {};
  for (let i = 0; i < n; i++) spec[`d${i % folders}/f${i}.txt`] = `${i} `.repeat(size).slice(0, size);
  return spec;
}
