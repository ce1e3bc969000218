import * as fs from 'node:fs';
import * as path from 'node:path';
import { skippedByName } from '../indexer/rules';
import { indexRulesFrom, type IndexRules } from '../../../shared/index-rules';
import { fsPath } from '../fs/byte-names';
import { itemRow, locate, removeSubtree, shareOf, type FollowResult, type ItemRow, type Place } from './index-follow';
import type { Db } from './library';
import { SUBTREE_WHERE, joinRel, splitRel, subtreeBounds } from './subtree';
import { searchNamesChanged } from '../search/search-follow';

/**
 * The index follows a move file by file (docs/file-operations.md, "The index follows"), when a SOURCE did not
 * move whole: some of it stayed (skipped, failed), or it merged into a folder the index knew at DEST. Each
 * file that left (the job's checkpoints say which) takes its row to its new place; what stayed keeps its rows;
 * the folders the move created at DEST get rows (their files need a known parent), the SOURCE folders it
 * removed lose theirs. Aggregates, the locations' totals and the library search's rows stay exact (tested
 * against a fresh index). One transaction: one or two statements a file, one a touched folder.
 */

/** A file that left SOURCE: `rel` under SOURCE's parent (it starts with SOURCE's name), `destRel` under DEST. */
export interface MovedFile { rel: string; destRel: string }

/** `moved`: pages of the files that left `source` for `destination` (a folder). */
export function filesMoved(db: Db, source: string, destination: string, moved: Iterable<readonly MovedFile[]>): FollowResult {
  const result: FollowResult = { carried: 0, dropped: 0, locationsMoved: 0 };
  const from = path.resolve(source);
  const src = locate(db, from);
  // Outside every location: no row left with the files, and the move writes none.
  if (!src) return result;
  return db.transaction((): FollowResult => {
    const dest = path.resolve(destination);
    const dst = locate(db, dest);
    const changes = new Changes();
    const into = dst ? new Destination(db, dst) : null;
    // SOURCE's folders, parents first (a parent's path is a prefix of its children's: plain order sorts it first).
    const folders = folderRowsUnder(db, src);
    // `rel` (under SOURCE's parent: SOURCE's name, then its path below SOURCE) ↔ the path in SOURCE's location.
    const name = path.basename(from);
    const srcRel = (rel: string) => (src.rel === '' ? rel.slice(name.length + 1) : src.rel + rel.slice(name.length));
    const relOf = (full: string) => (src.rel === '' ? joinRel(name, full) : name + full.slice(src.rel.length));
    if (into) for (const f of folders) into.folder(relOf(f.full), dest, changes);

    // One statement a file (two when DEST may hold a row at its place): the row re-keyed where it landed, or
    // removed; either way it says what it counted for, or nothing when the index did not have the file.
    const rekey = db.prepare(`UPDATE entries SET location_id = ?, relative_path = ?, name = ?
      WHERE location_id = ? AND relative_path = ? AND name = ? AND kind != 'dir' RETURNING kind, size`);
    const remove = db.prepare(`DELETE FROM entries WHERE location_id = ? AND relative_path = ? AND name = ? AND kind != 'dir'
      RETURNING kind, size`);
    for (const page of moved) {
      for (const file of page) {
        const at = splitRel(srcRel(file.rel));
        const to = into?.placeFor(file.destRel, changes);
        const row = (to ? rekey.get(to.locationId, to.parent, to.name, src.locationId, at.parent, at.name)
          : remove.get(src.locationId, at.parent, at.name)) as { kind: string; size: number } | undefined;
        if (!row) {
          // Not indexed at SOURCE: a row DEST had at its place (replaced on disk) is gone with nothing instead.
          if (to?.replaced) changes.name(to.locationId, to.parent, to.name, 'left');
          continue;
        }
        const share = shareOf({ ...row, aggregate_size: null, file_count: null });
        changes.share(src.locationId, at.parent, -share.bytes, -share.files);
        changes.name(src.locationId, at.parent, at.name, 'left');
        if (!to) { result.dropped++; continue; }
        changes.share(to.locationId, to.parent, share.bytes, share.files);
        changes.name(to.locationId, to.parent, to.name, 'joined');
        result.carried++;
      }
    }
    result.dropped += into?.replaced ?? 0;
    changes.apply(db);
    // SOURCE's folders the move removed (emptied): their rows go, with any row of a file the disk no longer had.
    const gone = new Set<string>();
    for (const f of folders) {
      if (gone.has(splitRel(f.full).parent)) { gone.add(f.full); continue; }
      if (exists(path.join(path.dirname(from), relOf(f.full)))) continue;
      gone.add(f.full);
      result.dropped += removeSubtree(db, src.locationId, f.full);
    }
    return result;
  })();
}

/** The folder rows of SOURCE's subtree, SOURCE's own first (none when SOURCE is a location root). */
function folderRowsUnder(db: Db, src: Place): { full: string }[] {
  const b = subtreeBounds(src.rel);
  const below = db.prepare(`SELECT relative_path AS parent, name FROM entries
    WHERE location_id = :locationId AND kind = 'dir' AND ${SUBTREE_WHERE}`)
    .all({ locationId: src.locationId, exact: b.exact, from: b.from, to: b.to }) as { parent: string; name: string }[];
  const own = src.rel !== '' && itemRow(db, src.locationId, src.rel)?.kind === 'dir' ? [{ full: src.rel }] : [];
  return [...own, ...below.map((r) => ({ full: joinRel(r.parent, r.name) })).sort((a, b2) => (a.full < b2.full ? -1 : a.full > b2.full ? 1 : 0))];
}

function exists(p: string): boolean {
  return fs.lstatSync(fsPath(p), { throwIfNoEntry: false }) !== undefined;
}

/** Where rows land at DEST: which folders the index holds there (asked once each), under its location's rules. */
class Destination {
  /** Rows the moved files replaced at DEST. */
  replaced = 0;
  private readonly rules: IndexRules;
  private readonly isFolder = new Map<string, boolean>();
  /** The folders it made rows for. */
  private readonly made = new Set<string>();
  private readonly read;
  private readonly remove;
  private readonly insertFolder;

  constructor(private readonly db: Db, private readonly dst: Place) {
    this.rules = indexRulesFrom(JSON.parse(dst.rules));
    this.read = db.prepare('SELECT kind, size, aggregate_size, file_count FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?');
    this.remove = db.prepare('DELETE FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?');
    // As the indexer writes a folder (indexer/walker.ts): size 0, and its files' totals once they land.
    this.insertFolder = db.prepare(`INSERT INTO entries (location_id, relative_path, name, kind, size, mtime_ms, inode, aggregate_size, file_count)
      VALUES (?, ?, ?, 'dir', 0, ?, ?, 0, 0)`);
  }

  /** A SOURCE folder at `rel` under DEST: a row for it there when the disk has it and the index does not. */
  folder(rel: string, dest: string, changes: Changes): void {
    const full = joinRel(this.dst.rel, rel);
    const { parent, name } = splitRel(full);
    if (this.knownFolder(full) || !this.mayHold(parent, name, true)) return;
    const st = fs.lstatSync(fsPath(path.join(dest, rel)), { throwIfNoEntry: false });
    if (!st?.isDirectory() || this.read.get(this.dst.locationId, parent, name)) return;
    this.insertFolder.run(this.dst.locationId, parent, name, st.mtimeMs, st.ino);
    this.isFolder.set(full, true);
    this.made.add(full);
    changes.name(this.dst.locationId, parent, name, 'joined');
  }

  /**
   * Where the row of a file that left SOURCE goes, at DEST/`destRel` (a row the index had there goes first: the
   * move replaced that file); null when the index cannot hold it there.
   */
  placeFor(destRel: string, changes: Changes): { locationId: number; parent: string; name: string; replaced: boolean } | null {
    const { parent, name } = splitRel(joinRel(this.dst.rel, destRel));
    if (!this.mayHold(parent, name, false)) return null;
    // A folder this follow-up made holds no row yet but those it puts there, each at a name of its own.
    const there = this.made.has(parent) ? undefined : this.read.get(this.dst.locationId, parent, name) as ItemRow | undefined;
    if (there?.kind === 'dir') return null;
    if (there) {
      const share = shareOf(there);
      changes.share(this.dst.locationId, parent, -share.bytes, -share.files);
      this.remove.run(this.dst.locationId, parent, name);
      this.replaced++;
    }
    return { locationId: this.dst.locationId, parent, name, replaced: there !== undefined };
  }

  /** Its parent folder is indexed (or is the root), and the location's name rules keep the name. */
  private mayHold(parent: string, name: string, isDir: boolean): boolean {
    return (parent === '' || this.knownFolder(parent)) && !skippedByName(name, isDir, this.rules);
  }

  private knownFolder(full: string): boolean {
    let known = this.isFolder.get(full);
    if (known === undefined) {
      const { parent, name } = splitRel(full);
      this.isFolder.set(full, known = (this.read.get(this.dst.locationId, parent, name) as ItemRow | undefined)?.kind === 'dir');
    }
    return known;
  }
}

/**
 * What the rows' moves change above them, gathered per folder and written once each at the end: the folders'
 * aggregates and the locations' totals, and each folder's names in the library search.
 */
class Changes {
  /** Per folder: the change of the items directly in it. */
  private readonly shares = new Map<string, { locationId: number; folder: string; bytes: number; files: number }>();
  private readonly names = new Map<string, { locationId: number; folder: string; left: Set<string>; joined: Set<string> }>();

  /** The items of `folder` count `bytes` and `files` more (or less): so do the folders above it and the location. */
  share(locationId: number, folder: string, bytes: number, files: number): void {
    if (bytes === 0 && files === 0) return;
    const key = `${locationId}/${folder}`;
    const s = this.shares.get(key) ?? { locationId, folder, bytes: 0, files: 0 };
    s.bytes += bytes;
    s.files += files;
    this.shares.set(key, s);
  }

  name(locationId: number, folder: string, name: string, how: 'left' | 'joined'): void {
    const key = `${locationId}/${folder}`;
    const n = this.names.get(key) ?? { locationId, folder, left: new Set<string>(), joined: new Set<string>() };
    n[how].add(name);
    this.names.set(key, n);
  }

  apply(db: Db): void {
    // Each folder's own change, added to every folder above it (the root's is the location's total).
    const below = new Map<string, { locationId: number; folder: string; bytes: number; files: number }>();
    const totals = new Map<number, { bytes: number; files: number }>();
    for (const s of this.shares.values()) {
      for (let dir = s.folder; dir !== ''; dir = splitRel(dir).parent) {
        const key = `${s.locationId}/${dir}`;
        const b = below.get(key) ?? { locationId: s.locationId, folder: dir, bytes: 0, files: 0 };
        b.bytes += s.bytes;
        b.files += s.files;
        below.set(key, b);
      }
      const t = totals.get(s.locationId) ?? { bytes: 0, files: 0 };
      t.bytes += s.bytes;
      t.files += s.files;
      totals.set(s.locationId, t);
    }
    const folder = db.prepare(`UPDATE entries SET aggregate_size = aggregate_size + ?, file_count = file_count + ?
      WHERE location_id = ? AND relative_path = ? AND name = ? AND kind = 'dir'`);
    for (const b of below.values()) {
      if (b.bytes === 0 && b.files === 0) continue;
      const { parent, name } = splitRel(b.folder);
      folder.run(b.bytes, b.files, b.locationId, parent, name);
    }
    const location = db.prepare('UPDATE locations SET total_size = total_size + ?, file_count = file_count + ? WHERE id = ?');
    for (const [id, t] of totals) if (t.bytes !== 0 || t.files !== 0) location.run(t.bytes, t.files, id);
    for (const n of this.names.values()) searchNamesChanged(db, n.locationId, n.folder, n.left, n.joined);
  }
}
