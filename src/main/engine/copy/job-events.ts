import type { CompletedStatus, EventBody, EventOf, FerryEvent, SkipReason } from '../../../shared/events';
import type { ProgressBus } from '../jobs/progress-bus';
import type { ProgressTracker } from './progress-tracker';

/**
 * A job's events in one place (docs/events.md): each is stamped with the job and its time since the job
 * began, and goes to the progress bus; what a listener that joins late needs (the questions still waiting
 * for an answer) is kept for `replay`. Skips are counted per reason and go out as one `filesSkipped` per
 * reason per batch: an event object per skipped file would cost more than the skip.
 */
export class JobEvents {
  private readonly t0 = performance.now();
  /** Conflict events still waiting for an answer, for a listener that joins late. */
  private readonly asked = new Map<string, FerryEvent>();
  private readonly skipped = new Map<SkipReason, number>();
  /** `initialEstimate` went out (DESIGN §4: it is always first, even for a job stopped before it began). */
  opened = false;

  constructor(private readonly bus: ProgressBus, private readonly jobId: string) {}

  get elapsedMs(): number {
    return Math.round(performance.now() - this.t0);
  }

  publish(body: EventBody): void {
    if (body.type === 'initialEstimate') this.opened = true;
    if (this.bus.isClosed) return;
    this.bus.publish(this.stamp(body));
  }

  /** A conflict's question: kept until it is answered (or the job stops), for `replay`. */
  ask(conflictId: string, body: EventBody<'conflict'>): void {
    const event = this.stamp(body);
    this.asked.set(conflictId, event);
    if (!this.bus.isClosed) this.bus.publish(event);
  }

  answered(conflictId: string): void {
    this.asked.delete(conflictId);
  }

  /** The job is stopping: no question will be answered any more. */
  forgetQuestions(): void {
    this.asked.clear();
  }

  skip(reason: SkipReason, count = 1): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count);
  }

  flushSkipped(): void {
    for (const [reason, count] of this.skipped) this.publish({ type: 'filesSkipped', count, reason });
    this.skipped.clear();
  }

  /**
   * The events that show the job as it is now, for a listener that missed some (a browser window that
   * reconnects): discovery's end, the pause, the current progress, then every unanswered question.
   */
  replay(tracker: ProgressTracker, paused: boolean, pauseReason: string | undefined): FerryEvent[] {
    const now: EventBody[] = [];
    if (!tracker.discoveryActive) {
      now.push({ type: 'discoveryComplete', totalDiscovered: tracker.discoveredFiles, discoveryBytes: tracker.discoveredBytes });
    }
    if (paused) now.push({ type: 'jobState', status: 'paused', ...(pauseReason ? { reason: pauseReason } : {}) });
    now.push(tracker.progressEvent(paused));
    return [...now.map((body) => this.stamp(body)), ...this.asked.values()];
  }

  /** The last event, with the final counts: it goes out even to a closed bus (the bus decides what it does). */
  completed(status: CompletedStatus, t: ProgressTracker, message: string | undefined,
    extra: Partial<EventBody<'completed'>> = {}): EventOf<'completed'> {
    const event = this.stamp({
      type: 'completed', status,
      copiedFiles: t.copiedFiles, copiedBytes: t.copiedBytes, skippedFiles: t.skippedFiles, failedFiles: t.failedFiles,
      discoveredFiles: t.discoveredFiles, indexedFiles: t.indexedFiles, durationMs: this.elapsedMs,
      ...(message ? { message } : {}), ...extra,
    }) as EventOf<'completed'>;
    this.bus.publish(event);
    return event;
  }

  private stamp(body: EventBody): FerryEvent {
    return { ...body, jobId: this.jobId, t: Math.round(performance.now() - this.t0) } as FerryEvent;
  }
}
