import * as path from 'node:path';
import type { HistoryKind, HistoryState, HistoryStep } from '../../../shared/history';
import type { CopyJobConfig } from '../copy/copy-job-config';
import type { Db } from '../db/library';
import type { HistoryActions } from './history-actions';
import type { HistoryExecutor } from './history-executor';
import type { HistoryItem } from './history-item';
import { HistoryStore, summaryOf } from './history-store';
import { snapshotOf } from './observe';
import { TransferWatch, type Replaced, type TransferOperation } from './transfer-watch';

/**
 * The engine's undo history (DESIGN §7.4): operations record themselves here when they complete, and
 * `undo`/`redo` run their inverses. The facade owns one, over the library database.
 */
export class History {
  readonly store: HistoryStore;
  private executorMade: HistoryExecutor | undefined;

  constructor(private readonly db: Db, private readonly actions: HistoryActions) {
    this.store = new HistoryStore(db);
  }

  undo(): Promise<HistoryStep> {
    return this.executor().undo();
  }

  redo(): Promise<HistoryStep> {
    return this.executor().redo();
  }

  /**
   * Loaded on the first undo or redo: every copy and move records itself here, and a `ferry move` process
   * should not pay for the undoing it will not do.
   */
  private executor(): HistoryExecutor {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as said above
    const { HistoryExecutor: Executor } = require('./history-executor') as typeof import('./history-executor');
    return (this.executorMade ??= new Executor(this.store, this.actions));
  }

  state(limit = 50): HistoryState {
    const undo = this.store.next('undo');
    const redo = this.store.next('redo');
    return {
      undo: undo ? summaryOf(undo) : null,
      redo: redo ? summaryOf(redo) : null,
      entries: this.store.list(limit).map(summaryOf),
      revision: this.store.revision(),
    };
  }

  /** `from` was renamed to `to`. */
  recordRename(from: string, to: string): void {
    if (path.resolve(from) !== path.resolve(to)) this.recordOnDisk('rename', [{ before: path.resolve(from), after: path.resolve(to) }]);
  }

  /** A folder was created at `folder`. */
  recordNewFolder(folder: string): void {
    this.recordOnDisk('newFolder', [{ before: path.resolve(folder), after: path.resolve(folder) }]);
  }

  /** Items went to the Trash: each one's original path and its Trash entry. */
  recordTrash(items: { path: string; trashId: string }[]): void {
    if (items.length === 0) return;
    this.store.record('trash', items.map((i) => ({ before: i.path, after: i.path, trashId: i.trashId })));
  }

  /**
   * Watches a copy or a move about to start: what was at its landing places before, so that its end records
   * only what it created (a folder that was there before stays when the copy is undone).
   */
  watchTransfer(operation: TransferOperation, sources: string[], destination: string, replacedToTrash = false): TransferWatch {
    return new TransferWatch(this.db, operation, sources.map((s) => path.resolve(s)), path.resolve(destination), (kind, pairs, replaced) =>
      this.recordOnDisk(kind, pairs, replaced), replacedToTrash);
  }

  /**
   * Watches a copy or a move resumed from its row, with what its first run saw; null for a row written
   * before rows kept that (it is not recorded). Its end records the job whole: the entry an earlier run of
   * it recorded (a job that failed, then was resumed) is replaced, so one undo takes back all of it.
   */
  watchResumed(config: CopyJobConfig): TransferWatch | null {
    const saved = config.undo;
    if (!saved) return null;
    // A move's SOURCEs renamed whole before its job are its items too.
    const sources = [...config.sources, ...(config.renamed ?? [])].map((s) => path.resolve(s));
    const replaces = saved.recorded;
    return new TransferWatch(this.db, config.operation ?? 'copy', sources, path.resolve(config.destination), (kind, pairs, replaced) =>
      this.recordOnDisk(kind, pairs, replaced, replaces), config.replacedToTrash === true, saved);
  }

  /**
   * Records items that are on disk at their `after` path now, with what they look like there, and the
   * files the operation replaced (in the Trash now: `replaced` items, restored by the same undo).
   */
  private recordOnDisk(kind: HistoryKind, pairs: { before: string; after: string }[], replaced: Replaced[] = [], replaces?: number): number | undefined {
    const items: HistoryItem[] = [];
    for (const p of pairs) {
      const snapshot = snapshotOf(p.after);
      if (snapshot) items.push({ ...p, snapshot });
    }
    if (items.length === 0) return undefined;
    for (const r of replaced) items.push({ before: r.path, after: r.path, trashId: r.trashId, replaced: true });
    return this.store.record(kind, items, replaces).id;
  }
}
