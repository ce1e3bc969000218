import type { EventOf } from '../../shared/events';
import type { Resolution } from '../../shared/types';
import { errorCode, errorMessage } from '../api/client';
import type { Slice, StoreDeps } from './store';

export type Conflict = EventOf<'conflict'>;

export interface ConflictsSlice {
  /** Unanswered conflicts in arrival order; the modal shows the first one of a job this window owns. */
  conflicts: Conflict[];
  answeringConflict: boolean;
  conflictError: string | null;
  pushConflict(conflict: Conflict): void;
  answerConflict(conflict: Conflict, resolution: Resolution, applyToAll: boolean): Promise<void>;
  /** The job ended: none of its conflicts can be answered any more. */
  dropJobConflicts(jobId: string): void;
}

export const createConflictsSlice = ({ api }: StoreDeps): Slice<ConflictsSlice> => (set, get) => ({
  conflicts: [],
  answeringConflict: false,
  conflictError: null,

  pushConflict(conflict) {
    if (get().conflicts.some((c) => c.conflictId === conflict.conflictId && c.jobId === conflict.jobId)) return;
    set((s) => ({ conflicts: [...s.conflicts, conflict] }));
  },

  async answerConflict(conflict, resolution, applyToAll) {
    set({ answeringConflict: true, conflictError: null });
    try {
      await api.resolveConflict({ jobId: conflict.jobId, conflictId: conflict.conflictId, resolution, applyToAll });
      // "Apply to all" and "Stop" answer the job's other pending conflicts in the engine as well.
      const wholeJob = applyToAll || resolution === 'stop';
      set((s) => ({
        answeringConflict: false,
        conflicts: s.conflicts.filter((c) => c.jobId !== conflict.jobId || (!wholeJob && c.conflictId !== conflict.conflictId)),
      }));
    } catch (err) {
      const code = errorCode(err);
      // Answered elsewhere or the job ended: nothing left to ask.
      if (code === 'CONFLICT_NOT_FOUND' || code === 'JOB_NOT_FOUND') {
        set((s) => ({ answeringConflict: false, conflicts: s.conflicts.filter((c) => c !== conflict) }));
      } else set({ answeringConflict: false, conflictError: errorMessage(err) });
    }
  },

  dropJobConflicts(jobId) {
    if (get().conflicts.some((c) => c.jobId === jobId)) set((s) => ({ conflicts: s.conflicts.filter((c) => c.jobId !== jobId) }));
  },
});
