import { create } from 'zustand';
import type { EventOf } from '../../shared/events';
import type { Resolution } from '../../shared/types';
import { api } from '../api';
import { errorCode, errorMessage } from '../api/client';

type Conflict = EventOf<'conflict'>;

interface ConflictsState {
  /** Unanswered conflicts in arrival order; the modal shows the first one of a job this window owns. */
  queue: Conflict[];
  answering: boolean;
  error: string | null;
  push(conflict: Conflict): void;
  answer(conflict: Conflict, resolution: Resolution, applyToAll: boolean): Promise<void>;
  dropJob(jobId: string): void;
}

export const useConflicts = create<ConflictsState>()((set, get) => ({
  queue: [],
  answering: false,
  error: null,

  push(conflict) {
    if (get().queue.some((c) => c.conflictId === conflict.conflictId && c.jobId === conflict.jobId)) return;
    set((s) => ({ queue: [...s.queue, conflict] }));
  },

  async answer(conflict, resolution, applyToAll) {
    set({ answering: true, error: null });
    try {
      await api.resolveConflict({ jobId: conflict.jobId, conflictId: conflict.conflictId, resolution, applyToAll });
      // "Apply to all" and "Stop" answer the job's other pending conflicts in the engine as well.
      const wholeJob = applyToAll || resolution === 'stop';
      set((s) => ({
        answering: false,
        queue: s.queue.filter((c) => c.jobId !== conflict.jobId || (!wholeJob && c.conflictId !== conflict.conflictId)),
      }));
    } catch (err) {
      const code = errorCode(err);
      const message = errorMessage(err);
      // Answered elsewhere or the job ended: nothing left to ask.
      if (code === 'CONFLICT_NOT_FOUND' || code === 'JOB_NOT_FOUND') {
        set((s) => ({ answering: false, queue: s.queue.filter((c) => c !== conflict) }));
      } else set({ answering: false, error: message });
    }
  },

  dropJob(jobId) {
    if (get().queue.some((c) => c.jobId === jobId)) set((s) => ({ queue: s.queue.filter((c) => c.jobId !== jobId) }));
  },
}));
