/**
 * The job's state, after KIO's CopyJobState (docs/architecture.md §5.3): one value instead of loose flags, and
 * one pure function that moves it. The phases (index stream, discovery, destination map) run at once inside
 * `running`, so they are not states: they are producers whose end the job waits for.
 *
 *   starting ──wait──▶ waiting ──run──▶ running ──finish──▶ finished
 *       └──────────────run──────────────▶  │
 *   starting / waiting / running ──pause──▶ paused(from) ──resume──▶ from
 *   any live state ──stop──▶ stopping ──finish──▶ finished   (both remember a pause they came from)
 *
 * A pause remembers where it was taken (`from`): a job paused while it waits for another copy goes back to
 * waiting, not to copying. `null` from `next` is a refusal: the event means nothing in that state (a second
 * pause, a resume of a job that is not paused, anything after the end), and the caller ignores it.
 */

/** Where a live job can be paused, and where a resume takes it back. */
export type Phase = 'starting' | 'waiting' | 'running';

export type JobState =
  | { name: Phase }
  | { name: 'paused'; from: Phase }
  /** `paused`: stopped while paused; the job still shows paused until it has ended (its last saved progress). */
  | { name: 'stopping'; paused: boolean }
  | { name: 'finished'; paused: boolean };

export type JobStateEvent =
  /** Another live copy writes where this one will: the job waits for it (jobs/copy-targets.ts). */
  | 'wait'
  /** The targets are claimed: the producers and the workers start. */
  | 'run'
  | 'pause'
  | 'resume'
  /** Cancel, interrupt, a failure of the job itself, or the user's "stop" at a conflict. */
  | 'stop'
  /** Nothing is in flight any more: the job ends (done, or how its stop said). */
  | 'finish';

export const starting: JobState = { name: 'starting' };

export function next(state: JobState, event: JobStateEvent): JobState | null {
  switch (event) {
    case 'wait':
      // Waiting again is a transition too: after a pause the copy it waits for is announced anew.
      return state.name === 'starting' || state.name === 'waiting' ? { name: 'waiting' } : null;
    case 'run':
      return state.name === 'starting' || state.name === 'waiting' ? { name: 'running' } : null;
    case 'pause':
      return isPhase(state.name) ? { name: 'paused', from: state.name } : null;
    case 'resume':
      return state.name === 'paused' ? { name: state.from } : null;
    case 'stop':
      return isLive(state) ? { name: 'stopping', paused: state.name === 'paused' } : null;
    case 'finish':
      // Done needs the producers, which start only once running (a pause may come after the last file);
      // any other end goes through stopping.
      if (state.name === 'running') return { name: 'finished', paused: false };
      if (state.name === 'stopping') return { name: 'finished', paused: state.paused };
      return state.name === 'paused' && state.from === 'running' ? { name: 'finished', paused: true } : null;
  }
}

function isPhase(name: JobState['name']): name is Phase {
  return name === 'starting' || name === 'waiting' || name === 'running';
}

/** Neither stopping nor finished: the job may still be paused, resumed or stopped. */
export function isLive(state: JobState): boolean {
  return state.name !== 'stopping' && state.name !== 'finished';
}

/** Paused, or stopped (or ended) while paused. */
export function isPaused(state: JobState): boolean {
  return state.name === 'paused' || ((state.name === 'stopping' || state.name === 'finished') && state.paused);
}

/** Live and not paused: work may be handed out and producers may go on. */
export function mayWork(state: JobState): boolean {
  return isPhase(state.name);
}
