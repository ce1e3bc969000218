import * as fs from 'node:fs';
import { openLibrary } from '../src/main/engine/db/library';

/**
 * What a Node program that keeps Ferry's contracts cannot go below here: each mode does only the part of
 * the work that no design can remove, so its time bounds Ferry's from below. The bench runs them beside
 * the real tools; a goal below such a bound is out of reach for Node and SQLite on this machine.
 *
 *   node out/node/bench/least.js index FOLDERS FILES DBFILE
 *     start-up + the library (its migrations) + one transaction of plain multi-row INSERTs of as many index
 *     rows as the corpus has (synthetic names): no walk, no lstat, no upsert, no aggregates, no worker.
 *   node out/node/bench/least.js second-run SOURCE DEST/NAME DBFILE   (SOURCE: a location of the library)
 *     start-up + the library + every index row of SOURCE read + both trees listed by name and type (readdir's d_type):
 *     no lstat at all (no stale check), no worker, no events, no decisions.
 */

const ROWS_PER_STATEMENT = 100;
const COLUMNS = 10;

function leastIndex(folders: number, files: number, dbFile: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  const db = openLibrary(dbFile);
  const loc = Number(db.prepare("INSERT INTO locations (path, name, rules, created_at) VALUES ('/least', 'least', '{}', 0)").run().lastInsertRowid);
  const many = db.prepare(`INSERT INTO entries VALUES ${Array(ROWS_PER_STATEMENT).fill(`(${Array(COLUMNS).fill('?').join(',')})`).join(',')}`);
  const one = db.prepare(`INSERT INTO entries VALUES (${Array(COLUMNS).fill('?').join(',')})`);
  const params: unknown[] = new Array(ROWS_PER_STATEMENT * COLUMNS);
  let k = 0;
  const add = (rel: string, name: string, kind: string, size: number, ino: number): void => {
    const o = k * COLUMNS;
    params[o] = loc; params[o + 1] = rel; params[o + 2] = name; params[o + 3] = kind; params[o + 4] = size;
    params[o + 5] = 1.7e12 + ino; params[o + 6] = ino; params[o + 7] = null; params[o + 8] = null; params[o + 9] = 1;
    if (++k === ROWS_PER_STATEMENT) { many.run(params); k = 0; }
  };
  db.transaction(() => {
    const perFolder = Math.ceil(files / Math.max(1, folders));
    let written = 0;
    for (let d = 0; d < folders; d++) {
      const folder = `folder-${String(d).padStart(4, '0')}`;
      add('', folder, 'dir', 0, d);
      for (let f = 0; f < perFolder && written < files; f++, written++) add(folder, `file-${String(f).padStart(5, '0')}.bin`, 'file', 8192, folders + written);
    }
    for (let r = 0; r < k; r++) one.run(params.slice(r * COLUMNS, (r + 1) * COLUMNS));
  })();
  db.close();
}

function leastSecondRun(source: string, dest: string, dbFile: string): void {
  const db = openLibrary(dbFile, { readonly: true });
  let rows = 0;
  const sql = 'SELECT e.relative_path, e.name, e.kind, e.size, e.mtime_ms FROM entries e JOIN locations l ON l.id = e.location_id WHERE l.path = ?';
  for (const _ of db.prepare(sql).raw(true).iterate(source)) rows++;
  db.close();
  const listed = (root: string): number => {
    let n = 0;
    const stack = [root];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        n++;
        if (e.isDirectory()) stack.push(`${dir}/${e.name}`);
      }
    }
    return n;
  };
  const a = listed(source);
  const b = listed(dest);
  // Both trees whole: otherwise this would not be a second run over a finished copy.
  if (a !== b || rows === 0) throw new Error(`not a finished copy: ${a} entries at the source, ${b} at the destination, ${rows} index rows`);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'index' && args.length === 3) leastIndex(Number(args[0]), Number(args[1]), args[2]!);
else if (mode === 'second-run' && args.length === 3) leastSecondRun(args[0]!, args[1]!, args[2]!);
else {
  process.stderr.write('usage: least.js index FOLDERS FILES DBFILE | second-run SOURCE DEST DBFILE\n');
  process.exit(2);
}
