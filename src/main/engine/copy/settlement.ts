import * as path from 'node:path';
import type { CompletedStatus } from '../../../shared/events';
import type { OverwriteMode, Resolution } from '../../../shared/types';
import { BlockedFolders } from './blocked-folders';
import type { Checkpoints } from './checkpoints';
import { ConflictPolicy } from './conflicts';
import type { TaskOutcome } from './copy-protocol';
import type { CopyQueue } from './copy-queue';
import type { BatchResult } from './copy-workers';
import type { Dispatcher } from './dispatcher';
import type { JobEvents } from './job-events';
import type { OutcomeLedger } from './outcome-ledger';
import type { CopyItem } from './types';

interface PendingConflict { item: CopyItem; id: string | null }

/** What settling asks of the job around it. */
export interface SettlementJob {
  readonly dest: string;
  readonly sources: string[];
  readonly mode: OverwriteMode;
  readonly resume: boolean;
  readonly ledger: OutcomeLedger;
  readonly events: JobEvents;
  readonly checkpoints: Checkpoints;
  readonly queue: CopyQueue;
  readonly dispatcher: Dispatcher;
  /** The destination map is complete (it counts what exists at DEST itself). */
  mapComplete(): boolean;
  ended(): boolean;
  stopping(): boolean;
  paused(): boolean;
  /** A folder was created or merged into: its source's times, set once the job is done. */
  folderSettled(rel: string, atimeNs: bigint, mtimeNs: bigint): void;
  stop(status: CompletedStatus, message: string): void;
  pause(reason: string): void;
  checkCompletion(): void;
}

/**
 * What happens to each item once its fate is known: a worker's outcome, the user's answer to a conflict, the
 * answer about a folder that items below it wait for. The counting is the ledger's; this module does the
 * rest: checkpoints, events, questions, and items handed back to the queue or to a worker.
 */
export class Settlement {
  readonly policy: ConflictPolicy<PendingConflict>;
  readonly blocked = new BlockedFolders();

  constructor(private readonly job: SettlementJob) {
    this.policy = new ConflictPolicy<PendingConflict>((conflict, r) => {
      if (conflict.id) job.events.answered(conflict.id);
      this.answered(conflict.item, r);
    });
  }

  /**
   * Under `skip`, what the destination map has listed settles an item without a worker: an existing file is
   * kept, an existing folder is merged into (keeping its times). A second run over a finished copy then
   * costs a map lookup per file. (Resumed runs go to the workers, which also recognise their own earlier copies.)
   */
  byDestination(item: CopyItem, destKind: string): boolean {
    if (this.job.mode !== 'skip' || this.job.resume) return false;
    if (item.kind === 'dir') return destKind === 'dir';
    this.item(item, { o: 'skipped', reason: 'alreadyExists', size: item.size, existed: true });
    return true;
  }

  batch(items: CopyItem[], result: BatchResult, forced: boolean, crash?: unknown): void {
    result.outcomes.forEach((outcome, k) => this.item(items[k]!, outcome, forced));
    this.job.events.flushSkipped();
    const rest = items.slice(result.outcomes.length);
    if (crash) {
      // A crashed worker: its unfinished files fail with the reason; the job goes on with a new worker.
      const message = crash instanceof Error ? crash.message : String(crash);
      for (const item of rest) this.recordFailure(item.rel, item.kind === 'dir' ? 0 : item.size, 'INTERNAL', message, item.source);
      return;
    }
    if (rest.length > 0 && !this.job.stopping()) this.job.queue.unshift(rest);
    if (result.nospace) this.job.pause(`${result.nospace.message}. Free some space, then resume the job.`);
  }

  /** `answered`: the second pass of a conflict the user answered (already counted as existing). */
  item(item: CopyItem, outcome: TaskOutcome, answered = false): void {
    const { ledger, events } = this.job;
    ledger.settled(item, outcome, answered, this.job.mapComplete());
    switch (outcome.o) {
      case 'blocked':
        return this.blockedBy(item, outcome.at);
      case 'dir':
        this.job.folderSettled(item.rel, outcome.atimeNs, outcome.mtimeNs);
        if (this.blocked.has(item.rel)) this.decideFolder(item.rel, 'ready');
        return;
      case 'skipped':
        events.skip(outcome.reason);
        return;
      case 'failed':
        // The worker wrote its checkpoint row.
        events.publish({ type: 'fileFailed', path: outcome.path, code: outcome.code, message: outcome.message });
        if (item.kind === 'dir' && this.blocked.has(item.rel)) this.decideFolder(item.rel, 'fail');
        return;
      case 'conflict': {
        if (item.kind === 'dir') this.blocked.markPending(item.rel);
        const pending: PendingConflict = { item, id: null };
        const id = this.policy.add(pending);
        if (id === null) return;
        pending.id = id;
        // The counts first (expected conflicts included): the question then arrives with its context.
        events.publish(ledger.tracker.progressEvent(this.job.paused()));
        events.ask(id, {
          type: 'conflict', conflictId: id, source: item.source, destination: path.join(this.job.dest, item.rel),
          sourceSize: outcome.sourceSize, destSize: outcome.destSize, sourceModified: outcome.sourceModified,
          destModified: outcome.destModified, sourceKind: outcome.sourceKind, destKind: outcome.destKind,
        });
        return;
      }
      default:
        return; // copied, already, skippedBefore: counting is all
    }
  }

  /** An unreadable folder found by discovery: what is below it cannot be copied. */
  unreadable(where: string, code: string, message: string): void {
    const source = this.job.sources.find((s) => where === s || where.startsWith(s + path.sep));
    const rel = source ? path.join(path.basename(source), path.relative(source, where)).split(path.sep).join('/') : where;
    this.recordFailure(rel, 0, code, message, where);
  }

  /** Nothing else can happen: folders still blocked by something that is not one of this copy's (changed meanwhile) fail. */
  failBlocked(): void {
    for (const at of this.blocked.folders()) this.decideFolder(at, 'fail');
  }

  private answered(item: CopyItem, resolution: Resolution): void {
    if (this.job.ended()) return;
    const dest = path.join(this.job.dest, item.rel);
    switch (resolution) {
      case 'skip':
        if (item.kind === 'dir') this.decideFolder(item.rel, 'skip');
        this.job.ledger.skipped(item);
        this.job.events.publish({ type: 'filesSkipped', count: 1, reason: 'userChoice' });
        this.job.checkpoints.record({ rel: item.rel, state: 'skipped', destRel: null, size: item.size, code: 'userChoice' });
        break;
      case 'stop':
        this.job.stop('cancelled', 'Stopped at a conflict');
        return;
      default:
        if (item.kind === 'dir' && resolution === 'keep-both') {
          // Keeping both would mean renaming the whole incoming folder: Ferry does not do that (yet).
          this.recordFailure(item.rel, 0, 'ENOTDIR', `A file is in the way of the folder ${dest}; `
            + 'Keep Both is not available for a folder meeting a file (choose Replace or Skip)', dest);
          this.decideFolder(item.rel, 'fail');
          break;
        }
        this.job.dispatcher.answer(item, resolution);
    }
    this.job.checkCompletion();
  }

  /** An item whose parent folder is blocked by a file: it waits for that folder's conflict. */
  private blockedBy(item: CopyItem, at: string): void {
    const fate = this.blocked.fate(at);
    if (fate === 'ready') this.job.queue.unshift([item]);
    else if (fate === 'skip' || fate === 'fail') this.settleBelowFolder(item, at, fate);
    else this.blocked.park(at, item);
  }

  private decideFolder(rel: string, fate: 'ready' | 'skip' | 'fail'): void {
    const waiting = this.blocked.decide(rel, fate);
    if (fate === 'ready') this.job.queue.unshift(waiting);
    else for (const item of waiting) this.settleBelowFolder(item, rel, fate);
    this.job.events.flushSkipped();
    this.job.dispatcher.pump();
  }

  private settleBelowFolder(item: CopyItem, folder: string, fate: 'skip' | 'fail'): void {
    if (fate === 'skip') {
      this.job.ledger.skipped(item);
      this.job.events.skip('userChoice');
      this.job.checkpoints.record({ rel: item.rel, state: 'skipped', destRel: null, size: item.size, code: 'userChoice' });
    } else {
      const where = path.join(this.job.dest, folder);
      this.recordFailure(item.rel, item.kind === 'dir' ? 0 : item.size, 'ENOTDIR',
        `A file is in the way of the folder ${where}; it was not replaced`, path.join(this.job.dest, item.rel));
    }
  }

  private recordFailure(rel: string, size: number, code: string, message: string, where: string): void {
    this.job.ledger.failed(size);
    this.job.events.publish({ type: 'fileFailed', path: where, code, message });
    this.job.checkpoints.record({ rel, state: 'failed', destRel: null, size, code });
  }
}
