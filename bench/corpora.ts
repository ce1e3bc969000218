import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from './seeded-random';

/**
 * The bench's corpora, generated deterministically (a seeded PRNG) and reused between runs: a stamp
 * file records the parameters they were built with.
 *  (a) small-files: N files of 1–16 KiB in a few hundred folders (two levels).
 *  (b) project: src/, node_modules/ (many small files), .git/objects, hidden files and folders,
 *      git-ignored output (dist/, *.log) and a few media files of a few MB — what the index filters.
 */

export interface Corpus {
  name: string;
  /** The folder that is the copy SOURCE and the indexed location. */
  root: string;
  files: number;
  bytes: number;
  description: string;
}

class Writer {
  files = 0;
  bytes = 0;
  private readonly pool: Buffer;
  constructor(private readonly rand: () => number) {
    // One random pool sliced at random offsets: distinct contents without generating 400 MB of randomness.
    this.pool = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < this.pool.length; i += 4) this.pool.writeUInt32LE((rand() * 2 ** 32) >>> 0, i);
  }
  file(p: string, size: number): void {
    const at = Math.floor(this.rand() * (this.pool.length - size));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, this.pool.subarray(at, at + size));
    this.files++;
    this.bytes += size;
  }
  text(p: string, content: string): void {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    this.files++;
    this.bytes += Buffer.byteLength(content);
  }
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
}

function smallFiles(root: string, count: number): { files: number; bytes: number } {
  const w = new Writer(seededRandom(1));
  const perDir = 200;
  for (let i = 0; i < count; i++) {
    const dir = Math.floor(i / perDir);
    const p = path.join(root, `group-${String(Math.floor(dir / 5)).padStart(3, '0')}`, `part-${dir % 5}`, `file-${String(i % perDir).padStart(3, '0')}.dat`);
    w.file(p, w.between(1024, 16 * 1024));
  }
  return { files: w.files, bytes: w.bytes };
}

function project(root: string, scale: number): { files: number; bytes: number } {
  const w = new Writer(seededRandom(2));
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  for (let d = 0; d < n(100); d++) for (let f = 0; f < 20; f++) w.file(path.join(root, 'src', `module-${d}`, `file-${f}.ts`), w.between(200, 8 * 1024));
  for (let p = 0; p < n(400); p++) {
    for (let f = 0; f < 30; f++) w.file(path.join(root, 'node_modules', `pkg-${p}`, f < 10 ? '' : 'lib', `f${f}.js`), w.between(100, 4 * 1024));
  }
  for (let o = 0; o < 256; o++) {
    for (let f = 0; f < n(12); f++) w.file(path.join(root, '.git', 'objects', o.toString(16).padStart(2, '0'), `${f.toString(16).padStart(38, '0')}`), w.between(100, 2 * 1024));
  }
  w.text(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  for (let f = 0; f < n(200); f++) w.file(path.join(root, '.cache', `c${f}.bin`), w.between(500, 3000));
  for (const hidden of ['.env', '.eslintrc.json', '.prettierrc', 'src/.secret']) w.file(path.join(root, hidden), 300);
  w.text(path.join(root, '.gitignore'), 'dist/\n*.log\n');
  for (let f = 0; f < n(300); f++) w.file(path.join(root, 'dist', `bundle-${f}.js`), w.between(1000, 10000));
  for (let f = 0; f < n(20); f++) w.file(path.join(root, 'logs', `run-${f}.log`), 2000);
  for (let m = 0; m < 6; m++) w.file(path.join(root, 'media', `clip-${m}.mp4`), w.between(2, 5) * 1024 * 1024);
  return { files: w.files, bytes: w.bytes };
}

/** Builds (or reuses) the corpora under `base`. */
export function ensureCorpora(base: string, quick: boolean, log: (s: string) => void): Corpus[] {
  const count = quick ? 5000 : 50_000;
  const scale = quick ? 0.1 : 1;
  const specs = [
    { name: 'small-files', description: `${count.toLocaleString('en')} files of 1–16 KiB in ${count / 200} folders`, build: (r: string) => smallFiles(r, count), key: `v1-${count}` },
    { name: 'project', description: 'src/, node_modules/, .git/objects, hidden, git-ignored dist/ and logs, 6 media files of 2–5 MB', build: (r: string) => project(r, scale), key: `v2-${scale}` },
  ];
  const out: Corpus[] = [];
  for (const spec of specs) {
    const root = path.join(base, `${spec.name}${quick ? '-quick' : ''}`);
    const stamp = path.join(base, `.${path.basename(root)}.json`);
    const saved = fs.existsSync(stamp) ? JSON.parse(fs.readFileSync(stamp, 'utf8')) as { key: string; files: number; bytes: number } : null;
    if (saved?.key === spec.key && fs.existsSync(root)) {
      out.push({ name: spec.name, root, files: saved.files, bytes: saved.bytes, description: spec.description });
      continue;
    }
    log(`generating corpus ${spec.name} in ${root}…`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    const made = spec.build(root);
    fs.writeFileSync(stamp, JSON.stringify({ key: spec.key, ...made }));
    out.push({ name: spec.name, root, ...made, description: spec.description });
  }
  return out;
}
