import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLive, isPaused, mayWork, next, type JobState, type JobStateEvent } from '../../src/main/engine/copy/job-state';

const S = {
  starting: { name: 'starting' },
  waiting: { name: 'waiting' },
  running: { name: 'running' },
  pausedStarting: { name: 'paused', from: 'starting' },
  pausedWaiting: { name: 'paused', from: 'waiting' },
  pausedRunning: { name: 'paused', from: 'running' },
  stopping: { name: 'stopping', paused: false },
  stoppingPaused: { name: 'stopping', paused: true },
  finished: { name: 'finished', paused: false },
  finishedPaused: { name: 'finished', paused: true },
} satisfies Record<string, JobState>;
type Name = keyof typeof S;

const events: JobStateEvent[] = ['wait', 'run', 'pause', 'resume', 'stop', 'finish'];

// Every state × every event: the next state, or null for a refusal.
const table: Record<Name, Record<JobStateEvent, Name | null>> = {
  starting: { wait: 'waiting', run: 'running', pause: 'pausedStarting', resume: null, stop: 'stopping', finish: null },
  waiting: { wait: 'waiting', run: 'running', pause: 'pausedWaiting', resume: null, stop: 'stopping', finish: null },
  running: { wait: null, run: null, pause: 'pausedRunning', resume: null, stop: 'stopping', finish: 'finished' },
  pausedStarting: { wait: null, run: null, pause: null, resume: 'starting', stop: 'stoppingPaused', finish: null },
  pausedWaiting: { wait: null, run: null, pause: null, resume: 'waiting', stop: 'stoppingPaused', finish: null },
  pausedRunning: { wait: null, run: null, pause: null, resume: 'running', stop: 'stoppingPaused', finish: 'finishedPaused' },
  stopping: { wait: null, run: null, pause: null, resume: null, stop: null, finish: 'finished' },
  stoppingPaused: { wait: null, run: null, pause: null, resume: null, stop: null, finish: 'finishedPaused' },
  finished: { wait: null, run: null, pause: null, resume: null, stop: null, finish: null },
  finishedPaused: { wait: null, run: null, pause: null, resume: null, stop: null, finish: null },
};

for (const [from, row] of Object.entries(table) as [Name, Record<JobStateEvent, Name | null>][]) {
  test(`job state ${from}: every event goes where the table says, or is refused`, () => {
    for (const event of events) {
      const want = row[event];
      assert.deepEqual(next(S[from], event), want === null ? null : S[want], `${from} × ${event}`);
    }
  });
}

test('only the phases may work; stopping and finished are not live, a paused job is; a pause shows until the end', () => {
  const names = Object.keys(S) as Name[];
  assert.deepEqual(names.filter((n) => mayWork(S[n])), ['starting', 'waiting', 'running']);
  assert.deepEqual(names.filter((n) => isLive(S[n])), ['starting', 'waiting', 'running', 'pausedStarting', 'pausedWaiting', 'pausedRunning']);
  assert.deepEqual(names.filter((n) => isPaused(S[n])),
    ['pausedStarting', 'pausedWaiting', 'pausedRunning', 'stoppingPaused', 'finishedPaused']);
});
