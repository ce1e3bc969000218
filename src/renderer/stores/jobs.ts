import type { FerryEvent } from '../../shared/events';
import type { JobSummary } from '../../shared/types';
import { errorMessage } from '../api/client';
import { applyCopyEvent, completedFromSummary, newCopyView, type CopyView } from '../lib/copy-progress';
import { jobOperation, type Operation } from '../lib/operation';
import type { FerryState, Slice, StoreDeps } from './store';

export interface JobsSlice {
  /** Every copy job this window has heard of, by id (events arrive for all jobs of the engine). */
  byId: Record<string, CopyView>;
  /** The copy dialogs this window shows, oldest first: the jobs it started or resumed. */
  dialogs: string[];
  /** Dialogs opened before the engine answered with a job id are `pending-<n>`: the last n used. */
  lastPlaceholder: number;
  /** The jobs list (from listJobs). */
  jobList: JobSummary[];
  jobListLoaded: boolean;
  showJobs: boolean;
  applyJobEvent(event: FerryEvent): void;
  /**
   * Starts a copy, or with `operation` 'move' a move, of `sources` into `destination`, with its dialog.
   * Resolves with the job's id once the engine took it, null when it refused it (the dialog says why).
   */
  startCopy(sources: string[], destination: string, operation?: Operation): Promise<string | null>;
  resumeJob(jobId: string, destination?: string): Promise<void>;
  retryFailed(jobId: string): Promise<void>;
  closeDialog(jobId: string): void;
  /** `afterReconnect`: also settles the dialogs of jobs that ended while the connection was down. */
  refreshJobs(options?: { afterReconnect?: boolean }): Promise<void>;
  setShowJobs(show: boolean): void;
}

export const createJobsSlice = ({ api }: StoreDeps): Slice<JobsSlice> => (set, get) => {
  /** Replaces a placeholder dialog with the real job, keeping any events that arrived before the reply. */
  function adopt(placeholder: string, jobId: string, destination: string): void {
    set((s) => {
      const { [placeholder]: _, ...rest } = s.byId;
      const seen = rest[jobId];
      const operation = s.byId[placeholder]?.operation;
      const view = seen ? { ...seen, destination } : newCopyView(jobId, destination, operation);
      return { byId: { ...rest, [jobId]: view }, dialogs: s.dialogs.map((d) => (d === placeholder ? jobId : d)) };
    });
  }

  function openPlaceholder(destination: string, operation?: Operation): string {
    const n = get().lastPlaceholder + 1;
    const placeholder = `pending-${n}`;
    set((s) => ({
      lastPlaceholder: n,
      byId: { ...s.byId, [placeholder]: newCopyView(placeholder, destination, operation) },
      dialogs: [...s.dialogs, placeholder],
    }));
    return placeholder;
  }

  function failPlaceholder(placeholder: string, err: unknown): void {
    set((s) => ({ byId: { ...s.byId, [placeholder]: { ...s.byId[placeholder]!, phase: 'finished', startError: errorMessage(err) } } }));
  }

  return {
    byId: {},
    dialogs: [],
    lastPlaceholder: 0,
    jobList: [],
    jobListLoaded: false,
    showJobs: false,

    applyJobEvent(event) {
      // Jobs of other windows are tracked too (cheap), so adopting one later starts from its real state.
      const current = get().byId[event.jobId];
      const view = applyCopyEvent(current ?? newCopyView(event.jobId), event);
      set((s) => ({ byId: { ...s.byId, [event.jobId]: view } }));
    },

    async startCopy(sources, destination, operation = 'copy') {
      const placeholder = openPlaceholder(destination, operation);
      try {
        // Replace is undoable in the app: a replaced file goes to the Trash (docs/file-operations.md "Trash").
        const { jobId } = await api.startCopy({ sources, destination, overwrite: 'prompt', operation, replacedToTrash: true });
        adopt(placeholder, jobId, destination);
        return jobId;
      } catch (err) {
        failPlaceholder(placeholder, err);
        return null;
      } finally {
        void get().refreshJobs();
      }
    },

    async resumeJob(jobId, destination = '') {
      const row = get().jobList.find((j) => j.id === jobId);
      const operation = get().byId[jobId]?.operation ?? (row ? jobOperation(row) : undefined);
      set((s) => ({
        byId: { ...s.byId, [jobId]: newCopyView(jobId, destination, operation) },
        dialogs: s.dialogs.includes(jobId) ? s.dialogs : [...s.dialogs, jobId],
      }));
      try {
        const result = await api.resumeJob({ jobId });
        if (result.jobId !== jobId) adopt(jobId, result.jobId, destination);
      } catch (err) {
        failPlaceholder(jobId, err);
      }
      void get().refreshJobs();
    },

    async retryFailed(jobId) {
      const destination = get().byId[jobId]?.destination ?? '';
      const placeholder = openPlaceholder(destination, get().byId[jobId]?.operation);
      try {
        const result = await api.retryFailed({ jobId });
        adopt(placeholder, result.jobId, destination);
      } catch (err) {
        failPlaceholder(placeholder, err);
      }
    },

    closeDialog(jobId) {
      set((s) => ({ dialogs: s.dialogs.filter((d) => d !== jobId) }));
    },

    async refreshJobs(options = {}) {
      try {
        const jobList = await api.listJobs({});
        set({ jobList, jobListLoaded: true });
        // A dialog whose job ended while the connection was down never got `completed`: take it from the row.
        if (options.afterReconnect) for (const jobId of get().dialogs) {
          const job = jobList.find((j) => j.id === jobId);
          const ended = job && !get().byId[jobId]?.completed ? completedFromSummary(job) : null;
          if (ended) get().applyJobEvent(ended);
        }
      } catch { /* disconnected: the next event or reconnect refreshes */ }
    },

    setShowJobs(showJobs) {
      set({ showJobs });
      if (showJobs) void get().refreshJobs();
    },
  };
};

/** True when this window shows a dialog for the job (it started or resumed it). */
export function ownsJob(state: FerryState, jobId: string): boolean {
  return state.dialogs.includes(jobId);
}
