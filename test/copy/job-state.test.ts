import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLive, mayWork, next, type JobState, type JobStateEvent } from '../../src/main/engine/copy/job-state';

const S = {
  starting: { name: 'starting' },
  waiting: { name: 'waiting' },
  running: { name: 'running' },
  pausedStarting: { name: 'paused', from: 'starting' },
  pausedWaiting: { name: 'paused', from: 'waiting' },
  pausedRunning: { name: 'paused', from: 'running' },
  stopping: { name: 'stopping' },
  finished: { name: 'finished' },
} satisfies Record<string, JobState>;
type Name = keyof typeof S;

const events: JobStateEvent[] = ['wait', 'run', 'pause', 'resume', 'stop', 'finish'];

// Every state × every event: the next state, or null for a refusal.
const table: Record<Name, Record<JobStateEvent, Name | null>> = {
  starting: { wait: 'waiting', run: 'running', pause: 'pausedStarting', resume: null, stop: 'stopping', finish: null },
  waiting: { wait: 'waiting', run: 'running', pause: 'pausedWaiting', resume: null, stop: 'stopping', finish: null },
  running: { wait: null, run: null, pause: 'pausedRunning', resume: null, stop: 'stopping', finish: 'finished' },
  pausedStarting: { wait: null, run: null, pause: null, resume: 'starting', stop: 'stopping', finish: null },
  pausedWaiting: { wait: null, run: null, pause: null, resume: 'waiting', stop: 'stopping', finish: null },
  pausedRunning: { wait: null, run: null, pause: null, resume: 'running', stop: 'stopping', finish: 'finished' },
  stopping: { wait: null, run: null, pause: null, resume: null, stop: null, finish: 'finished' },
  finished: { wait: null, run: null, pause: null, resume: null, stop: null, finish: null },
};

for (const [from, row] of Object.entries(table) as [Name, Record<JobStateEvent, Name | null>][]) {
  test(`job state ${from}: every event goes where the table says, or is refused`, () => {
    for (const event of events) {
      const want = row[event];
      assert.deepEqual(next(S[from], event), want === null ? null : S[want], `${from} × ${event}`);
    }
  });
}

test('only the phases may work; stopping and finished are not live, a paused job is', () => {
  const working = (Object.keys(S) as Name[]).filter((n) => mayWork(S[n]));
  const live = (Object.keys(S) as Name[]).filter((n) => isLive(S[n]));
  assert.deepEqual(working, ['starting', 'waiting', 'running']);
  assert.deepEqual(live, ['starting', 'waiting', 'running', 'pausedStarting', 'pausedWaiting', 'pausedRunning']);
});
