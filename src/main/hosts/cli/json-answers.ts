import * as readline from 'node:readline';
import { ConflictAnswer } from '../../../shared/events';

/**
 * `ferry copy --json`'s answers: one JSON object per line on stdin,
 * `{"type":"resolve","conflictId":"c1","resolution":"skip","applyToAll":false}`. A malformed line is
 * reported on stderr and ignored (a typo must not end the copy); the end of stdin is reported once.
 */
export interface JsonAnswerReader { close(): void; readonly ended: boolean }

export function readJsonAnswers(
  input: NodeJS.ReadableStream,
  handlers: { onAnswer(a: ConflictAnswer): void; onInvalid(line: string, why: string): void; onEnd(): void },
): JsonAnswerReader {
  const rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  let ended = false;
  rl.on('line', (line) => {
    const text = line.trim();
    if (text === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      handlers.onInvalid(text, 'not JSON');
      return;
    }
    const parsed = ConflictAnswer.safeParse(value);
    if (!parsed.success) {
      handlers.onInvalid(text, parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`).join('; '));
      return;
    }
    handlers.onAnswer(parsed.data);
  });
  rl.on('close', () => {
    if (ended) return;
    ended = true;
    handlers.onEnd();
  });
  return {
    get ended() { return ended; },
    close() {
      ended = true;
      rl.close();
      (input as NodeJS.ReadStream).pause?.();
    },
  };
}
