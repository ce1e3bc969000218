import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fmtMs, median, run } from './measure';

/**
 * The move rows of `npm run bench` (issue 12): `ferry move` against coreutils `mv` on the same trees, runs
 * interleaved, ratios from the same run.
 *  - same file system: a tree of `count` files renamed into another folder (goal ≤ 0.2 s, whatever its size:
 *    one rename), as the wall clock of the whole process and as the job's own `completed` time;
 *  - across file systems: the same tree from the corpora's disk to a tmpfs this bench mounts (root only; else
 *    FERRY_BENCH_MOVE_DEST names a folder on another file system), against `mv`, which also copies then removes
 *    (goal ≤ 1.3×).
 */
export interface MoveRow { what: string; ferry: string; peer: string; ratio?: number; goal?: number }

export interface MoveBench {
  work: string;
  ferryBin: string;
  node: string;
  count: number;
  reps: number;
  log: (s: string) => void;
  notes: string[];
}

/** `count` files of 1 KiB in folders of 200, written once per run (a tree of its own: it is moved away). */
function makeTree(root: string, count: number): void {
  const data = Buffer.alloc(1024, 'm');
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `d${Math.floor(i / 200)}`);
    if (i % 200 === 0) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `f${i}.bin`), data);
  }
}

function countFiles(root: string): number {
  let n = 0;
  for (const d of fs.readdirSync(root)) n += fs.readdirSync(path.join(root, d)).length;
  return n;
}

/** A second file system for the cross-device rows, and how to let it go. */
function otherFileSystem(b: MoveBench): { dir: string; release: () => void } | null {
  const given = process.env.FERRY_BENCH_MOVE_DEST;
  if (given) return { dir: path.resolve(given), release: () => undefined };
  if (process.getuid?.() !== 0) return null;
  const dir = path.join(b.work, 'other-fs');
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1g', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) { b.notes.push(`could not mount a tmpfs for the cross-device move: ${r.stderr.trim()}`); return null; }
  return { dir, release: () => { spawnSync('umount', ['-l', dir]); } };
}

function completedMs(stdout: string): number {
  const line = stdout.trim().split('\n').reverse().find((l) => l.includes('"completed"'));
  return line ? (JSON.parse(line) as { durationMs: number }).durationMs : NaN;
}

export async function timeMoves(b: MoveBench): Promise<MoveRow[]> {
  const rows: MoveRow[] = [];
  const base = path.join(b.work, 'moves');
  fs.rmSync(base, { recursive: true, force: true });
  const template = path.join(base, 'template');
  makeTree(template, b.count);
  const db = path.join(base, 'library.db');
  const ferryMove = (src: string, dest: string) => run(b.node, [b.ferryBin, 'move', '--json', '--db', db, src, dest], { captureStdout: true });
  const copyOf = (to: string) => { spawnSync('cp', ['-a', template, to]); return to; };
  const label = `${b.count.toLocaleString('en')} files`;

  // Same file system: the tree renamed into another folder.
  const same = { ferry: [] as number[], job: [] as number[], mv: [] as number[] };
  for (let i = 0; i < b.reps; i++) {
    const dest = path.join(base, `same-dest-${i}`);
    fs.mkdirSync(dest);
    const r = await ferryMove(copyOf(path.join(base, `same-ferry-${i}`)), dest);
    if (r.status !== 0) b.notes.push(`ferry move (same file system) exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
    same.ferry.push(r.ms);
    same.job.push(completedMs(r.stdout));
    same.mv.push((await run('mv', [copyOf(path.join(base, `same-mv-${i}`)), dest])).ms);
  }
  rows.push({ what: `move ${label} on one file system: \`ferry move\` wall clock (process start-up included) / the job's \`completed\` time`, ferry: `${fmtMs(median(same.ferry))} / ${fmtMs(median(same.job))}`, peer: 'goal 200 ms', ratio: median(same.ferry) / 200, goal: 1 });
  rows.push({ what: `move ${label} on one file system: \`ferry move\` vs \`mv\``, ferry: fmtMs(median(same.ferry)), peer: `${fmtMs(median(same.mv))} (mv)`, ratio: median(same.ferry) / median(same.mv) });

  const other = otherFileSystem(b);
  if (!other) {
    b.notes.push('cross-device move not measured: no second file system (run as root, or set FERRY_BENCH_MOVE_DEST)');
    return rows;
  }
  try {
    const cross = { ferry: [] as number[], mv: [] as number[] };
    for (let i = 0; i < b.reps; i++) {
      for (const tool of ['mv', 'ferry'] as const) {
        const dest = path.join(other.dir, `${tool}-${i}`);
        fs.mkdirSync(dest);
        const src = copyOf(path.join(base, `cross-${tool}-${i}`));
        const r = tool === 'mv' ? await run('mv', [src, dest]) : await ferryMove(src, dest);
        if (r.status !== 0) b.notes.push(`${tool} (across file systems) exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
        cross[tool].push(r.ms);
        if (i === 0) {
          const got = countFiles(path.join(dest, path.basename(src)));
          b.notes.push(`${tool} across file systems: ${got === b.count && !fs.existsSync(src) ? 'verified' : 'INCOMPLETE'} (${got} of ${b.count} files at the destination, source ${fs.existsSync(src) ? 'still there' : 'gone'})`);
        }
        fs.rmSync(dest, { recursive: true, force: true });
      }
    }
    rows.push({ what: `move ${label} of 1 KiB from the disk to a tmpfs: \`ferry move\` vs \`mv\` (both copy, then remove)`, ferry: fmtMs(median(cross.ferry)), peer: `${fmtMs(median(cross.mv))} (mv)`, ratio: median(cross.ferry) / median(cross.mv), goal: 1.3 });
  } finally {
    // The moved trees are removed with the rest of the bench's work folder, after the results are written.
    other.release();
  }
  return rows;
}
