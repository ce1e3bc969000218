import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The floor for Ferry's copy: the least a Node copier with the same guarantees can do. The main
 * thread walks the tree (creating folders and symlinks as it goes); two worker threads copy the files
 * in batches of 256 (copyFileSync to a temporary name, utimesSync, renameSync — the same
 * never-half-written guarantee as Ferry). No index, no events, no conflicts, no checkpoints.
 * Usage: node out/node/bench/bare-copier.js SOURCE DEST_DIR   (copies to DEST_DIR/basename(SOURCE))
 */
const BATCH = 256;
const WORKERS = 2;

function main(): Promise<void> {
  const [source, destDir] = process.argv.slice(2);
  if (!source || !destDir) throw new Error('usage: bare-copier SOURCE DEST_DIR');
  const workers = Array.from({ length: WORKERS }, () => new Worker(path.join(__dirname, 'bare-copier.worker.js')));
  const finished = Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
    w.on('message', (m: string) => { if (m === 'done') resolve(); });
    w.on('error', reject);
  })));
  let next = 0;
  let batch: [string, string][] = [];
  const send = () => {
    if (batch.length === 0) return;
    workers[next++ % WORKERS]!.postMessage(batch);
    batch = [];
  };
  const root = path.join(destDir, path.basename(source));
  fs.mkdirSync(root);
  const stack: [string, string][] = [[source, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    for (const d of fs.readdirSync(from, { withFileTypes: true })) {
      const s = path.join(from, d.name);
      const t = path.join(to, d.name);
      if (d.isDirectory()) { fs.mkdirSync(t); stack.push([s, t]); }
      else if (d.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), t);
      else if (d.isFile()) { batch.push([s, t]); if (batch.length >= BATCH) send(); }
    }
  }
  send();
  for (const w of workers) w.postMessage('end');
  return finished.then(() => undefined);
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
