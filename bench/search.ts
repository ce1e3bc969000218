import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibrary, type Db } from '../src/main/engine/db/library';
import { insertLocation } from '../src/main/engine/db/locations';
import { EntryWriter } from '../src/main/engine/indexer/entry-writer';
import { createFerryEngine } from '../src/main/engine/ferry-engine';
import { DEFAULT_INDEX_RULES } from '../src/shared/index-rules';
import { median, percentile } from './measure';
import { seededRandom } from './seeded-random';

/**
 * The library search (`findInLibrary`) as a person types, over a library of `files` indexed files:
 *
 *   node out/node/bench/search.js [FILES]      (default 200,000; `npm run bench` runs it too)
 *
 * The library's rows are written by the indexer's own EntryWriter (so `search_folders` is filled exactly
 * as an index run fills it), from a synthetic tree: no 200,000 files on disk, whose walk is `ferry
 * index`'s row. Each query is typed a letter at a time and every prefix is searched through the facade,
 * as the UI calls it; the first search of a process (which reads the rows into memory) is reported apart.
 * Beside it, in the same run, an FTS5 trigram index of the same names: its build time and query time,
 * the alternative the search did not take (bench/README.md).
 */

const WORDS = ['report', 'photo', 'IMG', 'invoice', 'draft', 'final', 'notes', 'budget', 'music', 'track', 'video',
  'holiday', 'project', 'readme', 'index', 'main', 'test', 'data', 'backup', 'config', 'Résumé', 'scan', 'letter', 'plan'];
const EXTS = ['.txt', '.jpg', '.pdf', '.mp3', '.ts', '.json', '.md', '.png', '.docx', '.zip'];
const TYPED = ['invoice', 'report 2', 'img_1234', 'zzqx', 'résumé', 'budget-final'];

/** 100 top folders × 100 subfolders × files/10,000 files, written as an index run writes them (post-order). */
export function writeLibrary(db: Db, root: string, files: number): number {
  const loc = insertLocation(db, root, DEFAULT_INDEX_RULES);
  const writer = new EntryWriter(db, loc.id, 1);
  const rand = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const perFolder = Math.ceil(files / 10_000);
  let n = 0;
  const row = (relativePath: string, name: string, kind: 'file' | 'dir') => writer.add({
    relativePath, name, kind, size: kind === 'file' ? 1000 + n : 0, mtimeMs: 1.7e12 + n, inode: n, aggregateSize: null, fileCount: null,
  });
  for (let a = 0; a < 100 && n < files; a++) {
    const top = `${pick(WORDS)} ${2000 + a}`;
    for (let b = 0; b < 100 && n < files; b++) {
      const sub = `${pick(WORDS).toLowerCase()}-${b}`;
      for (let f = 0; f < perFolder && n < files; f++, n++) {
        const name = rand() < 0.3 ? `IMG_${String(n % 10_000).padStart(4, '0')}${pick(EXTS)}`
          : `${pick(WORDS)}${pick([' ', '_', '-', ''])}${pick(WORDS).toLowerCase()} ${n}${pick(EXTS)}`;
        row(`${top}/${sub}`, name, 'file');
      }
      row(top, sub, 'dir');
    }
    row('', top, 'dir');
  }
  writer.finish({ entries: n, files: n, bytes: 0 }, []);
  return n;
}

export interface SearchBench {
  files: number;
  folders: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time of the process for each keystroke (less sensitive than wall clock to other work on the machine). */
  cpuMedianMs: number;
  cpuP95Ms: number;
  keystrokes: number;
  fts?: { buildMs: number; medianMs: number; maxMs: number };
}

export async function timeLibrarySearch(work: string, files = 200_000): Promise<SearchBench> {
  const dir = fs.mkdtempSync(path.join(work, 'search-'));
  const dbFile = path.join(dir, 'library.db');
  try {
    const db = openLibrary(dbFile);
    writeLibrary(db, dir, files);
    const folders = (db.prepare('SELECT COUNT(*) AS n FROM search_folders').get() as { n: number }).n;
    db.close();

    const engine = createFerryEngine({ dbFile, browsing: false });
    const t0 = performance.now();
    await engine.findInLibrary({ text: 'a', limit: 50 });
    const firstMs = performance.now() - t0;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      for (const word of TYPED) {
        for (let i = 1; i <= word.length; i++) {
          const c = process.cpuUsage();
          const t = performance.now();
          await engine.findInLibrary({ text: word.slice(0, i), limit: 50 });
          times.push(performance.now() - t);
          const used = process.cpuUsage(c);
          cpu.push((used.user + used.system) / 1000);
        }
      }
    }
    engine.close();
    return {
      files, folders, firstMs, medianMs: median(times), p95Ms: percentile(times, 95), maxMs: Math.max(...times),
      cpuMedianMs: median(cpu), cpuP95Ms: percentile(cpu, 95),
      keystrokes: times.length, fts: timeFts5(dbFile),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same names in an FTS5 trigram index, and the same keystrokes of 3 letters or more (trigram's minimum). */
function timeFts5(dbFile: string): SearchBench['fts'] {
  const db = openLibrary(dbFile);
  try {
    db.exec("CREATE VIRTUAL TABLE fts_names USING fts5(name, tokenize = 'trigram')");
    const t = performance.now();
    db.exec('INSERT INTO fts_names (name) SELECT name FROM entries');
    const buildMs = performance.now() - t;
    const query = db.prepare('SELECT rowid, name FROM fts_names WHERE name MATCH ? LIMIT 100000');
    const times: number[] = [];
    for (const word of TYPED) {
      for (let i = 3; i <= word.length; i++) {
        const q = performance.now();
        query.all(`"${word.slice(0, i).replace(/"/g, '""')}"`);
        times.push(performance.now() - q);
      }
    }
    return { buildMs, medianMs: median(times), maxMs: Math.max(...times) };
  } finally {
    db.close();
  }
}

if (require.main === module) {
  const files = Number(process.argv[2] ?? 200_000);
  timeLibrarySearch(os.tmpdir(), files).then((r) => {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  }).catch((err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
