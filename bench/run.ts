import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../src/main/project-root';
import { ensureCorpora, type Corpus } from './corpora';
import { fmtMs, median, run, type RunResult } from './measure';
import { timeMoves } from './moves';
import { timeThumbnails } from './thumbnails';
import { producersLoopDelay, timeDestinationIndex, timeDiscovery, timeEstimate, timeIndexStream } from './phases';
import { timeLibrarySearch } from './search';

/**
 * `npm run bench` (node out/node/bench/run.js [--quick] [--reps N]): Ferry against find, cp -a,
 * rsync and a bare parallel copier on the same corpora, in one run, each measured several times
 * (median). Nobody can drop the page cache here, so every tool runs on the same WARM cache: the
 * corpora are read once before measuring, and runs of the different tools are interleaved.
 * Prints a markdown table and writes bench/results.md (bench/results-quick.md with --quick).
 */

interface Row { what: string; ferry: string; peer: string; ratio?: number; goal?: number; note?: string }

const root = projectRoot();
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
/** `--moves`: only the move rows (bench/moves.ts), without the corpora: a short run while others work here. */
const onlyMoves = argv.includes('--moves');
const repsArg = argv.indexOf('--reps');
const reps = repsArg >= 0 ? Math.max(1, Number(argv[repsArg + 1])) : quick ? 3 : 5;
const copyReps = repsArg >= 0 ? reps : 3;
const base = path.resolve(process.env.FERRY_BENCH_DIR ?? path.join(root, 'bench', '.corpora'));
const work = path.join(base, 'work');
/**
 * Where the copies are written: by default the corpora's own file system (the realistic case). On a
 * disk slow at metadata, FERRY_BENCH_DEST_DIR (e.g. a tmpfs) measures the copiers' own overhead and
 * keeps the run short; the results say which was used.
 */
const copies = process.env.FERRY_BENCH_DEST_DIR ? path.resolve(process.env.FERRY_BENCH_DEST_DIR, 'ferry-bench-copies') : path.join(work, 'copies');
/** `bin/ferry`; FERRY_BENCH_FERRY points at another entry script (e.g. a private build while others rebuild out/). */
const ferryBin = path.resolve(process.env.FERRY_BENCH_FERRY ?? path.join(root, 'bin', 'ferry'));
const node = process.execPath;
const rows: Row[] = [];
const notes: string[] = [];
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

function fresh(dir: string): string {
  discard(dir);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Deleting 50k files takes longer than copying them on a loaded machine, and would load the disk
 * while the next tool runs: finished copies are renamed into a trash folder (instant) and deleted
 * once every measurement is done.
 */
let trashed = 0;
function discard(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const trash = path.join(copies, 'trash');
  fs.mkdirSync(trash, { recursive: true });
  fs.renameSync(dir, path.join(trash, String(trashed++)));
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** Files and bytes of regular files under a folder (to check that a copy is complete), and its folders. */
function census(dir: string): { files: number; bytes: number; folders: number } {
  let files = 0;
  let bytes = 0;
  let folders = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { folders++; stack.push(p); }
      else if (e.isFile()) { files++; bytes += fs.statSync(p).size; }
    }
  }
  return { files, bytes, folders };
}

/** bench/least.js: the part of a job that no Node design can remove (see that file). */
const least = (...args: string[]) => run(node, [path.join(__dirname, 'least.js'), ...args], { captureStdout: true });

async function available(command: string): Promise<boolean> {
  const r = await run(node, [ferryBin, command, '--help'], { captureStdout: true });
  return r.status === 0 && /Usage/i.test(r.stdout);
}

function events(r: RunResult): { type: string; t: number; [k: string]: unknown }[] {
  return r.lineTimes.flatMap(({ line }) => { try { return [JSON.parse(line)]; } catch { return []; } });
}

function verdict(ratio: number | undefined, goal: number | undefined): string {
  if (ratio === undefined || goal === undefined || !Number.isFinite(ratio)) return '';
  return ratio <= goal ? '✓' : '✗';
}

async function timeIndexing(corpus: Corpus, canIndex: boolean): Promise<void> {
  const finds: number[] = [];
  const ferrys: number[] = [];
  const leasts: number[] = [];
  const db = path.join(work, 'index-bench.db');
  const { files, folders } = census(corpus.root);
  for (let i = 0; i < reps; i++) {
    finds.push((await run('find', [corpus.root, '-printf', '%s %T@\n'])).ms);
    const l = await least('index', String(folders), String(files), db);
    if (l.status === 0) leasts.push(l.ms);
    else notes.push(`least index on ${corpus.name} failed: ${l.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
    if (!canIndex) continue;
    removeDb(db);
    const r = await run(node, [ferryBin, 'index', corpus.root], { env: { ...process.env, FERRY_DB: db } });
    if (r.status !== 0) { notes.push(`ferry index failed on ${corpus.name}: ${r.stderr.trim().split('\n')[0]}`); break; }
    ferrys.push(r.ms);
  }
  removeDb(db);
  const f = median(finds);
  const x = ferrys.length ? median(ferrys) : NaN;
  rows.push({
    what: `index ${corpus.name}: \`ferry index\` vs \`find -printf '%s %T@'\``,
    ferry: canIndex ? fmtMs(x) : 'not available yet', peer: `${fmtMs(f)} (find)`,
    ratio: canIndex ? x / f : undefined, goal: 1.5,
  });
  if (leasts.length) {
    const l = median(leasts);
    rows.push({
      what: `index ${corpus.name}: the least any Node + SQLite indexer can take here — start-up, the library, its ${(files + folders).toLocaleString('en')} rows INSERTed in one transaction, no walk at all (bench/least.ts)`,
      ferry: fmtMs(l), peer: `${fmtMs(f)} (find)`, ratio: l / f, goal: 1.5,
    });
  }
}

/** The library the copies use: each corpus indexed once (by `ferry index`, else by rows the bench writes). */
async function prepareLibrary(corpora: Corpus[], canIndex: boolean): Promise<string> {
  const db = path.join(work, 'library.db');
  removeDb(db);
  for (const c of corpora) {
    if (canIndex) {
      const r = await run(node, [ferryBin, 'index', c.root], { env: { ...process.env, FERRY_DB: db } });
      if (r.status === 0) continue;
      notes.push(`ferry index ${c.name} failed (${r.stderr.trim().split('\n')[0]}); rows written by the bench instead`);
    }
    // Fallback: the tests' SQL indexer with the default rules in miniature (no .gitignore), loaded only when needed.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { openLibrary } = require('../src/main/engine/db/library') as typeof import('../src/main/engine/db/library');
    const { indexTree, defaultRulesSkip } = require('../test/helpers/index-rows') as typeof import('../test/helpers/index-rows');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const handle = openLibrary(db);
    indexTree(handle, c.root, defaultRulesSkip);
    handle.close();
    if (!canIndex) notes.push(`${c.name}: \`ferry index\` not available yet — index rows written by the bench (dot-names and node_modules skipped)`);
  }
  return db;
}

interface CopyTool { name: string; cmd: (src: string, dest: string) => [string, string[]]; ferry?: boolean }

const copyTools = (db: string): CopyTool[] => [
  { name: 'cp -a', cmd: (s, d) => ['cp', ['-a', s, d]] },
  { name: 'rsync -a', cmd: (s, d) => ['rsync', ['-a', s, `${d}/`]] },
  { name: 'bare copier', cmd: (s, d) => [node, [path.join(__dirname, 'bare-copier.js'), s, d]] },
  { name: 'ferry copy', cmd: (s, d) => [node, [ferryBin, 'copy', '--overwrite', 'skip', '--json', '--db', db, s, d]], ferry: true },
];

const benchEnv = { ...process.env, FERRY_BENCH_LOOP_DELAY: '1' };

async function timeFreshCopies(corpus: Corpus, db: string, canCopy: boolean): Promise<void> {
  const tools = copyTools(db).filter((t) => canCopy || !t.ferry);
  const times = new Map<string, number[]>(tools.map((t) => [t.name, []]));
  const estimateT: number[] = [];
  const estimateWall: number[] = [];
  const loopP99: number[] = [];
  for (let i = 0; i < copyReps; i++) {
    for (const tool of tools) {
      const dest = fresh(path.join(copies, 'dest'));
      const [cmd, args] = tool.cmd(corpus.root, dest);
      const r = await run(cmd, args, { captureStdout: tool.ferry, env: benchEnv });
      if (r.status !== 0) {
        notes.push(`${tool.name} on ${corpus.name} exited ${r.status}: ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
        if (tool.ferry && r.status !== 1) { times.delete(tool.name); tools.splice(tools.indexOf(tool), 1); break; }
      }
      times.get(tool.name)?.push(r.ms);
      if (i === 0 && (tool.ferry || tool.name === 'bare copier')) {
        const got = census(path.join(dest, path.basename(corpus.root)));
        const ok = got.files === corpus.files && got.bytes === corpus.bytes;
        notes.push(`${tool.name} on ${corpus.name}: ${ok ? 'verified' : 'INCOMPLETE'} (${got.files} of ${corpus.files} files, ${got.bytes} of ${corpus.bytes} bytes)`);
      }
      if (tool.ferry) {
        const est = r.lineTimes.find(({ line }) => line.includes('"initialEstimate"'));
        if (est) { estimateT.push((JSON.parse(est.line) as { t: number }).t); estimateWall.push(est.ms); }
        const m = /event-loop-delay-p99-ms: ([\d.]+)/.exec(r.stderr);
        if (m) loopP99.push(Number(m[1]));
      }
    }
  }
  discard(path.join(copies, 'dest'));
  const cp = median(times.get('cp -a')!);
  const bare = median(times.get('bare copier')!);
  const ferry = times.has('ferry copy') && canCopy ? median(times.get('ferry copy')!) : NaN;
  const label = canCopy ? fmtMs(ferry) : 'ferry copy not available yet';
  rows.push({ what: `copy ${corpus.name} (fresh): \`ferry copy --overwrite skip\` vs \`cp -a\``, ferry: label, peer: `${fmtMs(cp)} (cp -a)`, ratio: ferry / cp, goal: 0.5 });
  rows.push({ what: `copy ${corpus.name} (fresh): vs \`rsync -a\``, ferry: label, peer: `${fmtMs(median(times.get('rsync -a')!))} (rsync -a)`, ratio: ferry / median(times.get('rsync -a')!) });
  rows.push({ what: `copy ${corpus.name} (fresh): vs the bare parallel copier (floor)`, ferry: label, peer: `${fmtMs(bare)} (floor)`, ratio: ferry / bare, goal: 1.2 });
  rows.push({ what: `copy ${corpus.name} (fresh): the floor vs \`cp -a\``, ferry: '', peer: `${fmtMs(bare)} vs ${fmtMs(cp)}`, ratio: bare / cp, note: 'how far below cp -a a Node copier can go here' });
  if (estimateT.length) {
    rows.push({ what: `\`initialEstimate\` on ${corpus.name} (${corpus.files.toLocaleString('en')} indexed files): event \`t\` / wall clock from spawn`, ferry: `${fmtMs(median(estimateT))} / ${fmtMs(median(estimateWall))}`, peer: 'goal 100 ms (t)', ratio: median(estimateT) / 100, goal: 1 });
  }
  if (loopP99.length) {
    // How late a timer fires (the sampling interval taken off: see engine/perf/loop-delay.ts).
    rows.push({ what: `event-loop delay p99 in \`ferry copy\` of ${corpus.name} (timer lateness)`, ferry: `${median(loopP99).toFixed(1)} ms`, peer: 'goal 20 ms', ratio: median(loopP99) / 20, goal: 1 });
  } else if (canCopy) {
    notes.push(`ferry copy printed no event-loop-delay-p99-ms line for ${corpus.name}`);
  }
}

async function timeSecondRun(corpus: Corpus, db: string, canCopy: boolean): Promise<void> {
  const dest = fresh(path.join(copies, 'present'));
  await run('cp', ['-a', corpus.root, dest]);
  const rs: number[] = [];
  const fr: number[] = [];
  const leasts: number[] = [];
  let copied: unknown = 0;
  for (let i = 0; i < copyReps; i++) {
    rs.push((await run('rsync', ['-a', '--ignore-existing', corpus.root, `${dest}/`])).ms);
    const l = await least('second-run', corpus.root, path.join(dest, path.basename(corpus.root)), db);
    if (l.status === 0) leasts.push(l.ms);
    else notes.push(`least second-run on ${corpus.name} failed: ${l.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
    if (!canCopy) continue;
    const r = await run(node, [ferryBin, 'copy', '--overwrite', 'skip', '--json', '--db', db, corpus.root, dest], { captureStdout: true });
    fr.push(r.ms);
    copied = events(r).find((e) => e.type === 'completed')?.copiedFiles;
  }
  for (const sizes of [true, false]) {
    const d = await timeDestinationIndex(dest, [path.basename(corpus.root)], sizes);
    const how = sizes ? 'sizes and mtimes (prompt, skip-newer, resume)' : 'kinds only (skip, replace, keep-both)';
    rows.push({ what: `DestinationIndex over DEST holding ${corpus.name}, ${how} (in-process)`, ferry: `${fmtMs(d.ms)} (${d.filesFound.toLocaleString('en')} files)`, peer: '' });
  }
  const lag = await producersLoopDelay(db, corpus.root, dest);
  rows.push({ what: `event-loop delay of the calling thread while the three producers run at once, no copy (${corpus.name}, DEST full): p99 / max`, ferry: `${lag.p99.toFixed(1)} ms / ${lag.max.toFixed(1)} ms`, peer: `(${fmtMs(lag.ms)} in all)` });
  if (canCopy) {
    if (copied !== 0) notes.push(`second run of ferry copy on ${corpus.name} copied ${String(copied)} files (expected 0)`);
  }
  discard(dest);
  const r = median(rs);
  const f = canCopy ? median(fr) : NaN;
  rows.push({ what: `copy ${corpus.name} again (all present): \`ferry copy --overwrite skip\` vs \`rsync -a --ignore-existing\``, ferry: canCopy ? fmtMs(f) : 'ferry copy not available yet', peer: `${fmtMs(r)} (rsync)`, ratio: f / r, goal: 0.5 });
  if (leasts.length) {
    const l = median(leasts);
    rows.push({
      what: `copy ${corpus.name} again: the least any Node program can take here — start-up, the library, the source's index rows read, both trees listed by name and type, not one lstat (bench/least.ts)`,
      ferry: fmtMs(l), peer: `${fmtMs(r)} (rsync)`, ratio: l / r, goal: 0.5,
    });
  }
}

async function timePhases(corpora: Corpus[], db: string): Promise<void> {
  for (const c of corpora) {
    const est = await timeEstimate(db, [c.root]);
    rows.push({ what: `estimateFromIndex on ${c.name} (in-process, ${est.knownFiles.toLocaleString('en')} known files): median / first call`, ferry: `${fmtMs(est.medianMs)} / ${fmtMs(est.maxMs)}`, peer: 'goal 100 ms', ratio: est.maxMs / 100, goal: 1 });
    const stream = await timeIndexStream(db, [c.root]);
    rows.push({ what: `IndexPreparation stream of ${c.name} (in-process)`, ferry: `${fmtMs(stream.ms)} (${Math.round(stream.items / (stream.ms / 1000)).toLocaleString('en')} items/s)`, peer: '' });
    const find = median(await Promise.all([0, 1, 2].map(async () => (await run('find', [c.root, '-printf', '%s %T@\n'])).ms)));
    const disc = await timeDiscovery(db, [c.root]);
    rows.push({ what: `DeltaDiscovery of ${c.name} vs \`find\` (in-process; ${disc.items.toLocaleString('en')} new, ${disc.stale} stale)`, ferry: fmtMs(disc.ms), peer: `${fmtMs(find)} (find)`, ratio: disc.ms / find });
  }
}

/** The library search as typed, over 200,000 indexed files (20,000 with --quick), beside FTS5 trigram. */
async function timeSearch(): Promise<void> {
  const r = await timeLibrarySearch(work, quick ? 20_000 : 200_000);
  const files = `${r.files.toLocaleString('en')} indexed files in ${r.folders.toLocaleString('en')} folders`;
  rows.push({
    what: `library search (\`findInLibrary\`, in-process) over ${files}: each keystroke of ${r.keystrokes} typed, median / p95 / max`,
    ferry: `${fmtMs(r.medianMs)} / ${fmtMs(r.p95Ms)} / ${fmtMs(r.maxMs)}`, peer: 'goal 50 ms', ratio: r.p95Ms / 50, goal: 1,
  });
  rows.push({ what: 'library search: CPU time of each keystroke, median / p95 (less inflated than wall clock by other work on the machine)', ferry: `${fmtMs(r.cpuMedianMs)} / ${fmtMs(r.cpuP95Ms)}`, peer: '' });
  rows.push({ what: 'library search: the first search of a process (reads the rows into memory)', ferry: fmtMs(r.firstMs), peer: '' });
  if (r.fts) {
    rows.push({
      what: `the alternative not taken: an FTS5 trigram index of the same names — build / query median / max (3+ letters only)`,
      ferry: `${fmtMs(r.fts.buildMs)} / ${fmtMs(r.fts.medianMs)} / ${fmtMs(r.fts.maxMs)}`, peer: '',
    });
  }
}

/** One failing measurement (a tool missing, a crash) is a note in the results, not the end of the run. */
async function section(title: string, body: () => Promise<void>): Promise<void> {
  log(title);
  try {
    await body();
  } catch (err) {
    notes.push(`${title} failed: ${(err as Error).message.split('\n')[0]}`);
    log(`${title} failed: ${(err as Error).stack ?? err}`);
  }
}

function machine(): string {
  const cpus = os.cpus();
  let fsType = '?';
  try { fsType = execFileSync('stat', ['-f', '-c', '%T', base], { encoding: 'utf8' }).trim(); } catch { /* keep ? */ }
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}, corpora on ${fsType} (${base})`;
}

function table(): string {
  const head = '| measurement | Ferry | peer | ratio | goal | |\n|---|---|---|---|---|---|';
  const body = rows.map((r) => {
    const ratio = r.ratio !== undefined && Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '';
    const goal = r.goal !== undefined ? `≤ ${r.goal}×` : '';
    return `| ${r.what}${r.note ? ` — ${r.note}` : ''} | ${r.ferry} | ${r.peer} | ${ratio} | ${goal} | ${verdict(r.ratio, r.goal)} |`;
  });
  return [head, ...body].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  for (const dir of [work, copies]) {
    if (!fs.existsSync(dir)) continue;
    log(`removing the leftovers of an interrupted run in ${dir}…`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(work, { recursive: true });
  const corpora = onlyMoves ? [] : ensureCorpora(base, quick, log);
  log('warming the page cache (every tool then reads the same warm cache)…');
  for (const c of corpora) await run('sh', ['-c', 'find "$1" -type f -exec cat {} + > /dev/null', 'sh', c.root]);
  const canIndex = await available('index');
  const canCopy = await available('copy');
  if (!canIndex) log('ferry index not available yet');
  if (!canCopy) log('ferry copy not available yet');

  if (!onlyMoves) {
    for (const c of corpora) await section(`indexing ${c.name}: find vs ferry index ×${reps}`, () => timeIndexing(c, canIndex));
    const db = await prepareLibrary(corpora, canIndex);
    await section('copy phases in-process', () => timePhases(corpora, db));
    await section('library search as typed', () => timeSearch());
    for (const c of corpora) await section(`fresh copies of ${c.name} ×${copyReps}`, () => timeFreshCopies(c, db, canCopy));
    for (const c of corpora) await section(`second copies of ${c.name} ×${copyReps}`, () => timeSecondRun(c, db, canCopy));
  }
  if (await available('move')) {
    await section(`moves ×${copyReps}`, async () => {
      rows.push(...await timeMoves({ work, ferryBin, node, count: quick ? 5000 : 50_000, reps: copyReps, log, notes }));
    });
  }
  await section(`thumbnails ×${reps}`, async () => {
    rows.push(...await timeThumbnails(work, reps, log));
  });
  const loadAfter = os.loadavg()[0]!.toFixed(1);

  const md = [
    `# Ferry bench results`,
    '',
    `- date: ${new Date().toISOString()}${quick ? ' (--quick)' : ''}`,
    `- machine: ${machine()}`,
    `- copies written to: ${copies}${process.env.FERRY_BENCH_DEST_DIR ? ' (FERRY_BENCH_DEST_DIR)' : ' (same file system as the corpora)'}`,
    `- corpora: ${onlyMoves ? 'none (--moves: the move rows only)' : ''}${corpora.map((c) => `**${c.name}** — ${c.description}: ${c.files.toLocaleString('en')} files, ${(c.bytes / 2 ** 20).toFixed(0)} MiB`).join('; ')}`,
    `- method: median of ${reps} runs (indexing, find) and ${copyReps} runs (copies), tools interleaved; warm page cache for every tool (the corpora are read once first; dropping caches is not permitted here); wall clock of the whole process, Node start-up included for ferry and the bare copier; writes land in the page cache (no fsync) for every tool alike.`,
    `- load average (1 min) at start / end: ${loadBefore} / ${loadAfter} on ${os.cpus().length} cores — other work on this machine adds noise; ratios of interleaved runs hold better than absolute times`,
    `- bench duration: ${((Date.now() - started) / 1000).toFixed(0)} s`,
    '',
    table(),
    '',
    ...(notes.length ? ['Notes:', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
  process.stdout.write(`${md}\n`);
  // A --quick run is a smoke test: it must not replace the full run's numbers that the README quotes.
  const resultsFile = path.join(root, 'bench', onlyMoves ? 'results-moves.md' : quick ? 'results-quick.md' : 'results.md');
  fs.writeFileSync(resultsFile, `${md}\n`);
  log(`wrote ${resultsFile}; removing the copies (slow on a disk slow at metadata)…`);
  fs.rmSync(copies, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
