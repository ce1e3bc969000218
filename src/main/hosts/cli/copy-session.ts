import { FerryError } from '../../../shared/errors';
import type { ConflictAnswer, EventOf, FerryEvent } from '../../../shared/events';
import { startLoopDelay, type FerryEngine, type LoopDelay } from '../../engine/ferry-engine';
import type { ConflictPrompt } from './conflict-prompt';
import { EXIT, type CliContext } from './context';
import { LiveLine, countOf, formatBytes, formatCount, formatDuration, formatRate } from './format';
import type { JsonAnswerReader } from './json-answers';

export interface SessionOptions {
  json: boolean;
  /** Conflicts will come (prompt mode): read answers from stdin (JSON lines, or the terminal's prompt). */
  prompting: boolean;
}

/**
 * Drives one copy job on the terminal for `ferry copy` and `ferry resume`: the event stream (JSON lines
 * or a live line), conflict answers (stdin JSON or a question), Ctrl-C → interrupt, a summary, and the
 * exit code of the README's exit codes (0 done, 1 per-file failures, 3 interrupted or stopped).
 */
export class CopySession {
  private jobId: string | null = null;
  private readonly early: FerryEvent[] = [];
  /** Answers go to the engine one after the other; the end of input is judged once they have landed. */
  private answering: Promise<void> = Promise.resolve();
  private completed!: (e: EventOf<'completed'>) => void;
  private readonly done = new Promise<EventOf<'completed'>>((resolve) => { this.completed = resolve; });
  private readonly live: LiveLine;
  private prompt: ConflictPrompt | null = null;
  private answers: JsonAnswerReader | null = null;
  private inputEnded = false;
  private pendingConflicts = new Set<string>();
  /** Measured for the bench only (FERRY_BENCH_LOOP_DELAY=1). */
  private loopDelay: LoopDelay | null = null;
  private skippedByReason = new Map<string, number>();
  private found = 0;
  /** What the job does, from its initialEstimate: the words of the messages. */
  private verb: 'copy' | 'move' = 'copy';

  constructor(private readonly ctx: CliContext, private readonly options: SessionOptions, private readonly engine: FerryEngine) {
    this.live = new LiveLine(ctx.stdout);
  }

  /** The listener to give the engine's startCopy/resumeJob (`follow`): events may arrive before the job id. */
  readonly onEvent = (e: FerryEvent): void => {
    if (!this.jobId) { this.early.push(e); return; }
    this.show(e);
  };

  /** Follows the job to its end; Ctrl-C or SIGTERM interrupts it (resumable). Returns the exit code. */
  async run(jobId: string): Promise<number> {
    this.jobId = jobId;
    if (this.ctx.env.FERRY_BENCH_LOOP_DELAY === '1') this.loopDelay = startLoopDelay();
    this.listenForAnswers();
    const interrupt = () => this.interrupt();
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    for (const e of this.early.splice(0)) this.show(e);
    try {
      const completed = await this.done;
      this.finish(completed);
      return exitCodeFor(completed);
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      this.prompt?.close();
      this.answers?.close();
      if (this.loopDelay) this.ctx.stderr.write(`event-loop-delay-p99-ms: ${this.loopDelay.stop().p99.toFixed(2)}\n`);
    }
  }

  private get interactive(): boolean {
    return !this.options.json && this.ctx.stdout.isTTY === true;
  }

  private interrupt(): void {
    try {
      this.engine.interruptJob(this.jobId!);
    } catch { /* it has ended meanwhile */ }
  }

  /** Sends an answer; `onRefused` hears why the engine refused it (an unknown or settled conflict). */
  private answer(a: ConflictAnswer, onRefused: (err: unknown) => void): void {
    this.answering = this.answering.then(() => this.engine.resolveConflict({ jobId: this.jobId!, ...a }).then(() => {
      this.pendingConflicts.delete(a.conflictId);
      if (a.applyToAll) this.pendingConflicts.clear();
    }, onRefused));
  }

  private listenForAnswers(): void {
    if (!this.options.prompting) return;
    const ended = () => {
      this.inputEnded = true;
      // Answers can no longer come: the job stops, resumable (docs/architecture.md §3).
      void this.answering.then(() => { if (this.pendingConflicts.size > 0) this.interrupt(); });
    };
    if (this.options.json) {
      // Loaded only here: its schema library costs ~100 ms of start-up that most copies never need.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { readJsonAnswers } = require('./json-answers') as typeof import('./json-answers');
      this.answers = readJsonAnswers(this.ctx.stdin, {
        onAnswer: (a) => this.answer(a, (err) => {
          this.ctx.stderr.write(`ferry: ${err instanceof FerryError ? err.message : String(err)}\n`);
        }),
        onInvalid: (line, why) => this.ctx.stderr.write(`ferry: ignored an invalid answer (${why}): ${line}\n`),
        onEnd: ended,
      });
    } else {
      // Loaded only here: most copies and moves ask no question on a terminal.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ConflictPrompt: Prompt } = require('./conflict-prompt') as typeof import('./conflict-prompt');
      this.prompt = new Prompt(this.ctx.stdin, this.ctx.stdout, (a) => {
        this.answer(a, () => { /* settled meanwhile (apply to all) */ });
      }, ended, () => this.live.clear());
    }
  }

  private show(e: FerryEvent): void {
    if (this.options.json) this.ctx.stdout.write(`${JSON.stringify(e)}\n`);
    switch (e.type) {
      case 'initialEstimate':
        if (e.operation === 'move') this.verb = 'move';
        return;
      case 'conflict':
        this.pendingConflicts.add(e.conflictId);
        if (this.inputEnded || !this.options.prompting) { this.interrupt(); return; }
        this.prompt?.ask(e);
        return;
      case 'fileFailed':
        if (!this.options.json) this.say(`ferry: could not ${this.verb} ${e.path}: ${e.message} (${e.code})\n`, true);
        return;
      case 'filesSkipped':
        this.skippedByReason.set(e.reason, (this.skippedByReason.get(e.reason) ?? 0) + e.count);
        return;
      case 'filesDiscovered':
        this.found += e.count;
        return;
      case 'jobState':
        if (e.status === 'waiting' && !this.options.json) this.say(`ferry: ${e.reason ?? 'waiting for another copy into the same place'}…\n`, true);
        if (e.status === 'paused' && e.reason) {
          // A full disk: stop resumably; `ferry resume` continues once space is freed.
          this.say(`ferry: paused: ${e.reason}\n`, true);
          this.interrupt();
        }
        return;
      case 'completed':
        this.completed(e);
        return;
      case 'progress':
        if (this.interactive && (this.prompt?.pending ?? 0) === 0) this.live.update(liveText(e, this.found));
        return;
      default:
    }
  }

  private say(text: string, error = false): void {
    this.live.clear();
    (error ? this.ctx.stderr : this.ctx.stdout).write(text);
  }

  private finish(c: EventOf<'completed'>): void {
    if (this.options.json) return;
    this.live.clear();
    const skipped = [...this.skippedByReason].map(([r, n]) => `${formatCount(n)} ${REASONS[r] ?? r}`).join(', ');
    const done = c.operation === 'move'
      ? `${countOf(c.originalsRemoved ?? 0, 'file')} moved (${formatBytes(c.copiedBytes)})${c.renamed ? `, ${formatCount(c.renamed)} moved whole` : ''}`
      : `${countOf(c.copiedFiles, 'file')} copied (${formatBytes(c.copiedBytes)})`;
    const lines = [
      `${STATUS[c.status]}: ${done}`
        + `, ${formatCount(c.skippedFiles)} skipped${skipped ? ` (${skipped})` : ''}, ${formatCount(c.failedFiles)} failed`
        + ` in ${formatDuration(c.durationMs / 1000)}.`,
    ];
    if (c.message) lines.push(c.message);
    if (c.status === 'interrupted') lines.push(`Resume with: ferry resume ${c.jobId}`);
    this.ctx.stdout.write(`${lines.join('\n')}\n`);
  }
}

const STATUS: Record<string, string> = { done: 'Done', failed: 'Failed', cancelled: 'Stopped', interrupted: 'Interrupted' };
const REASONS: Record<string, string> = {
  alreadyExists: 'already there', destinationNewer: 'newer at destination', userChoice: 'by your choice',
  vanished: 'gone from disk', special: 'special files',
};

export function liveText(p: EventOf<'progress'>, found: number): string {
  const parts = [
    `Copying ${formatCount(p.copiedFiles + p.skippedFiles + p.failedFiles)} of ${formatCount(p.totalFiles)} files`,
    `${formatBytes(p.copiedBytes)} of ${formatBytes(p.totalBytes)}`,
    formatRate(p.bytesPerSecond),
    p.etaSeconds === null ? 'estimating…' : `about ${formatDuration(p.etaSeconds)}`,
  ];
  if (p.discoveryActive) parts.push(found > 0 ? `discovering… found ${formatCount(found)} more` : 'discovering…');
  if (p.paused) parts.push('paused');
  return parts.join(' — ');
}

export function exitCodeFor(c: EventOf<'completed'>): number {
  switch (c.status) {
    case 'done': return c.failedFiles > 0 ? EXIT.FILE_FAILURES : EXIT.OK;
    case 'failed': return EXIT.FILE_FAILURES;
    default: return EXIT.INTERRUPTED;
  }
}
