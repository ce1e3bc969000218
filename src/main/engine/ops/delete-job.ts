import { FerryError, toErrorValue } from '../../../shared/errors';
import type { CompletedStatus, EventBody, EventOf, FerryEvent } from '../../../shared/events';
import type { JobHandle, JobManager } from '../jobs/job-manager';
import { ProgressBus } from '../jobs/progress-bus';
import { measureTree, removeTree, type TreeSize } from './remove-tree';

/**
 * A permanent delete as a job (kind `delete`), so that a big tree shows progress in the jobs list and can
 * be cancelled. Its stream is a copy's (docs/events.md), counted in entries (files, links and folders):
 * `initialEstimate` (operation "delete"), `discoveryComplete` once the tree is measured, `progress`
 * (`copiedFiles`/`copiedBytes` = removed so far), `fileFailed` for each entry that could not be removed,
 * `completed`. Pause holds it between two entries; cancel stops it there (what is gone is gone).
 */
const CHECKPOINT_MS = 1_000;

export interface DeleteJobOptions {
  jobs: JobManager;
  paths: string[];
  onEvent?: (event: FerryEvent) => void;
  /** Told the top-level paths that are gone, once the job ends (the index follows). */
  onRemoved?: (paths: string[]) => void;
}

export function startDeleteJob(options: DeleteJobOptions): JobHandle {
  const row = options.jobs.store.create({ kind: 'delete', config: { paths: options.paths }, status: 'running' });
  options.jobs.store.setStatus(row.id, 'running');
  const bus = new ProgressBus();
  if (options.onEvent) bus.subscribe(options.onEvent);
  const job = new DeleteJob(row.id, options, bus);
  const handle: JobHandle = {
    jobId: row.id,
    done: job.done,
    resolve: () => { throw new FerryError('CONFLICT_NOT_FOUND', 'A delete asks no questions'); },
    pause: () => job.pause(),
    resume: () => job.resume(),
    cancel: (mode) => job.cancel(mode ?? 'cancel'),
    onEvent: (listener) => bus.subscribe(listener),
    snapshot: () => job.snapshot(),
  };
  options.jobs.register(handle, bus);
  void job.run();
  return handle;
}

class DeleteJob {
  readonly done: Promise<EventOf<'completed'>>;
  private resolveDone!: (e: EventOf<'completed'>) => void;
  private readonly startedAt = performance.now();
  private stopping: 'cancel' | 'interrupt' | null = null;
  private paused: { release: () => void; gate: Promise<void> } | null = null;
  private total: TreeSize | null = null;
  private removedEntries = 0;
  private removedBytes = 0;
  private failedEntries = 0;
  private finished = false;
  private savedAt = performance.now();

  constructor(private readonly jobId: string, private readonly options: DeleteJobOptions, private readonly bus: ProgressBus) {
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  pause(): void {
    if (this.paused || this.finished) return;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    this.paused = { release, gate };
    this.options.jobs.store.setStatus(this.jobId, 'paused');
    this.emit({ type: 'jobState', status: 'paused' });
  }

  resume(): void {
    if (!this.paused) return;
    this.paused.release();
    this.paused = null;
    this.options.jobs.store.setStatus(this.jobId, 'running');
    this.emit({ type: 'jobState', status: 'running' });
  }

  cancel(mode: 'cancel' | 'interrupt'): void {
    if (this.finished) return;
    this.stopping ??= mode;
    this.paused?.release();
  }

  snapshot(): FerryEvent[] {
    if (this.finished) return [];
    const events = [this.stamp(this.progressBody())];
    if (this.paused) events.push(this.stamp({ type: 'jobState', status: 'paused' }));
    return events;
  }

  async run(): Promise<void> {
    const stop = () => this.stopping !== null;
    const gone: string[] = [];
    let crash: string | undefined;
    try {
      this.emit({ type: 'initialEstimate', knownFiles: 0, knownBytes: 0, discoveryStarting: true, operation: 'delete' });
      const total: TreeSize = { entries: 0, bytes: 0 };
      for (const p of this.options.paths) await measureTree(p, stop, total);
      this.total = total;
      this.emit({ type: 'discoveryComplete', totalDiscovered: total.entries, discoveryBytes: total.bytes });
      for (const p of this.options.paths) {
        await this.paused?.gate;
        if (stop()) break;
        const removed = await removeTree(p, {
          stop,
          removed: ({ bytes }) => {
            this.removedEntries += 1;
            this.removedBytes += bytes;
            this.emit(this.progressBody());
            this.checkpoint();
          },
          failed: (path, err) => {
            this.failedEntries += 1;
            const value = toErrorValue(err, path);
            this.emit({ type: 'fileFailed', path, code: value.code, message: value.message });
          },
        });
        if (removed) gone.push(p);
      }
    } catch (err) {
      crash = toErrorValue(err).message;
    }
    this.finish(gone, crash);
  }

  private finish(gone: string[], crash: string | undefined): void {
    this.finished = true;
    const status: CompletedStatus = crash ? 'failed' : this.stopping === 'interrupt' ? 'interrupted' : this.stopping ? 'cancelled' : 'done';
    const message = crash
      ?? (this.stopping ? `Stopped: ${this.removedEntries} of ${this.total?.entries ?? '?'} items were deleted, the rest is still there` : undefined)
      ?? (this.failedEntries > 0 ? `${this.failedEntries} item${this.failedEntries === 1 ? '' : 's'} could not be deleted` : undefined);
    const store = this.options.jobs.store;
    store.saveProgress(this.jobId, { ...this.progressBody(), removedPaths: gone.length });
    store.setStatus(this.jobId, status === 'done' ? 'completed' : status, message ?? null);
    if (gone.length > 0) this.options.onRemoved?.(gone);
    this.emit(this.progressBody());
    const completed: EventOf<'completed'> = {
      jobId: this.jobId, t: Math.round(performance.now() - this.startedAt), type: 'completed', status, copiedFiles: this.removedEntries, copiedBytes: this.removedBytes, skippedFiles: 0,
      failedFiles: this.failedEntries, discoveredFiles: this.total?.entries ?? 0, indexedFiles: 0,
      durationMs: Math.round(performance.now() - this.startedAt), operation: 'delete', ...(message ? { message } : {}),
    };
    this.bus.publish(completed);
    this.resolveDone(completed);
  }

  /** The saved row follows a running delete about once a second (`ferry jobs`, the jobs list of another window). */
  private checkpoint(): void {
    const now = performance.now();
    if (now - this.savedAt < CHECKPOINT_MS) return;
    this.savedAt = now;
    try { this.options.jobs.store.saveProgress(this.jobId, this.progressBody()); } catch { /* a busy database: next time */ }
  }

  private progressBody(): EventBody<'progress'> {
    const totalFiles = this.total?.entries ?? this.removedEntries;
    const done = this.removedEntries + this.failedEntries;
    return {
      type: 'progress', copiedFiles: this.removedEntries, totalFiles, copiedBytes: this.removedBytes,
      totalBytes: this.total?.bytes ?? this.removedBytes, skippedFiles: 0, failedFiles: this.failedEntries,
      discoveryActive: this.total === null, bytesPerSecond: 0, etaSeconds: null,
      fraction: this.total && this.total.entries > 0 ? Math.min(1, done / this.total.entries) : 0,
      ...(this.paused ? { paused: true } : {}),
    };
  }

  private emit(body: EventBody): void {
    this.bus.publish(this.stamp(body));
  }

  private stamp(body: EventBody): FerryEvent {
    return { ...body, jobId: this.jobId, t: Math.round(performance.now() - this.startedAt) } as FerryEvent;
  }
}
