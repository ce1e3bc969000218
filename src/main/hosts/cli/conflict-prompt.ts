import * as readline from 'node:readline';
import type { ConflictAnswer, EventOf } from '../../../shared/events';
import type { Resolution } from '../../../shared/types';
import { formatBytes } from './format';

const KEYS: Record<string, Resolution> = { r: 'replace', s: 'skip', k: 'keep-both', t: 'stop' };

/** The answer for a typed key: lower case for this file, capital for every remaining conflict. */
export function answerForKey(key: string): { resolution: Resolution; applyToAll: boolean } | null {
  const k = key.trim();
  if (k.length !== 1) return null;
  const resolution = KEYS[k.toLowerCase()];
  if (!resolution) return null;
  return { resolution, applyToAll: k !== k.toLowerCase() };
}

export function describeConflict(c: EventOf<'conflict'>): string {
  const when = (ms: number) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const what = (kind: string | undefined, size: number) => (kind === 'dir' ? 'a folder' : formatBytes(size));
  return [
    `"${c.destination}" already exists.`,
    `  copying:  ${what(c.sourceKind, c.sourceSize).padEnd(10)} modified ${when(c.sourceModified)}   ${c.source}`,
    `  existing: ${what(c.destKind, c.destSize).padEnd(10)} modified ${when(c.destModified)}`,
    '[r]eplace  [s]kip  [k]eep both  s[t]op   (capital letter: the same for all remaining conflicts) ',
  ].join('\n');
}

/**
 * The terminal's conflict question: one at a time, in arrival order, while the copy goes on.
 * Answers go to `answer` (the job's `resolve`); the end of input (Ctrl-D) is reported once.
 */
export class ConflictPrompt {
  private readonly queue: EventOf<'conflict'>[] = [];
  private asking = false;
  private readonly rl: readline.Interface;
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
    private readonly answer: (a: ConflictAnswer) => void,
    private readonly onEnd: () => void,
    private readonly beforeAsk: () => void = () => {},
  ) {
    this.rl = readline.createInterface({ input, output, terminal: false });
    this.rl.on('close', () => { if (!this.closed) { this.closed = true; this.onEnd(); } });
  }

  get pending(): number {
    return this.queue.length + (this.asking ? 1 : 0);
  }

  ask(conflict: EventOf<'conflict'>): void {
    this.queue.push(conflict);
    if (!this.asking) this.next();
  }

  /** Drops questions for conflicts already settled (e.g. by an "apply to all" answer). */
  forget(conflictIds: Set<string>): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (conflictIds.has(this.queue[i]!.conflictId)) this.queue.splice(i, 1);
  }

  close(): void {
    this.closed = true;
    this.rl.close();
    (this.input as NodeJS.ReadStream).pause?.();
  }

  private next(): void {
    const c = this.queue.shift();
    if (!c || this.closed) { this.asking = false; return; }
    this.asking = true;
    this.beforeAsk();
    const ask = (prefix: string) => {
      this.rl.question(`${prefix}${describeConflict(c)}`, (line) => {
        const a = answerForKey(line);
        if (!a) { ask('Please type r, s, k or t (R, S, K, T for all).\n'); return; }
        this.answer({ type: 'resolve', conflictId: c.conflictId, ...a });
        if (a.applyToAll) this.queue.length = 0;
        this.next();
      });
    };
    ask('');
  }
}
