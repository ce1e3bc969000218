import { create } from 'zustand';
import type { FerryEvent } from '../../shared/events';
import type { JobSummary } from '../../shared/types';
import { api } from '../api';
import { errorMessage } from '../api/client';
import { applyCopyEvent, completedFromSummary, newCopyView, type CopyView } from '../lib/copy-progress';

interface JobsState {
  /** Every copy job this window has heard of, by id (events arrive for all jobs of the engine). */
  byId: Record<string, CopyView>;
  /** The copy dialogs this window shows, oldest first: the jobs it started or resumed. */
  dialogs: string[];
  /** The jobs list (from listJobs). */
  list: JobSummary[];
  listLoaded: boolean;
  showList: boolean;
  apply(event: FerryEvent): void;
  startCopy(sources: string[], destination: string): Promise<void>;
  resume(jobId: string, destination?: string): Promise<void>;
  retryFailed(jobId: string): Promise<void>;
  closeDialog(jobId: string): void;
  /** `afterReconnect`: also settles the dialogs of jobs that ended while the connection was down. */
  refreshList(options?: { afterReconnect?: boolean }): Promise<void>;
  setShowList(show: boolean): void;
}

let pendingSeq = 0;

export const useJobs = create<JobsState>()((set, get) => {
  /** Replaces a placeholder dialog with the real job, keeping any events that arrived before the reply. */
  function adopt(placeholder: string, jobId: string, destination: string): void {
    set((s) => {
      const { [placeholder]: _, ...rest } = s.byId;
      const seen = rest[jobId];
      const view = seen ? { ...seen, destination } : newCopyView(jobId, destination);
      return { byId: { ...rest, [jobId]: view }, dialogs: s.dialogs.map((d) => (d === placeholder ? jobId : d)) };
    });
  }

  function openPlaceholder(destination: string): string {
    const placeholder = `pending-${++pendingSeq}`;
    set((s) => ({ byId: { ...s.byId, [placeholder]: newCopyView(placeholder, destination) }, dialogs: [...s.dialogs, placeholder] }));
    return placeholder;
  }

  function failPlaceholder(placeholder: string, err: unknown): void {
    set((s) => ({ byId: { ...s.byId, [placeholder]: { ...s.byId[placeholder]!, phase: 'finished', startError: errorMessage(err) } } }));
  }

  return {
    byId: {},
    dialogs: [],
    list: [],
    listLoaded: false,
    showList: false,

    apply(event) {
      // Jobs of other windows are tracked too (cheap), so adopting one later starts from its real state.
      const current = get().byId[event.jobId];
      const view = applyCopyEvent(current ?? newCopyView(event.jobId), event);
      set((s) => ({ byId: { ...s.byId, [event.jobId]: view } }));
    },

    async startCopy(sources, destination) {
      const placeholder = openPlaceholder(destination);
      try {
        const { jobId } = await api.startCopy({ sources, destination, overwrite: 'prompt' });
        adopt(placeholder, jobId, destination);
      } catch (err) {
        failPlaceholder(placeholder, err);
      }
      void get().refreshList();
    },

    async resume(jobId, destination = '') {
      set((s) => ({
        byId: { ...s.byId, [jobId]: newCopyView(jobId, destination) },
        dialogs: s.dialogs.includes(jobId) ? s.dialogs : [...s.dialogs, jobId],
      }));
      try {
        const result = await api.resumeJob({ jobId });
        if (result.jobId !== jobId) adopt(jobId, result.jobId, destination);
      } catch (err) {
        failPlaceholder(jobId, err);
      }
      void get().refreshList();
    },

    async retryFailed(jobId) {
      const destination = get().byId[jobId]?.destination ?? '';
      const placeholder = openPlaceholder(destination);
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

    async refreshList(options = {}) {
      try {
        const list = await api.listJobs({});
        set({ list, listLoaded: true });
        // A dialog whose job ended while the connection was down never got `completed`: take it from the row.
        if (options.afterReconnect) for (const jobId of get().dialogs) {
          const job = list.find((j) => j.id === jobId);
          const ended = job && !get().byId[jobId]?.completed ? completedFromSummary(job) : null;
          if (ended) get().apply(ended);
        }
      } catch { /* disconnected: the next event or reconnect refreshes */ }
    },

    setShowList(showList) {
      set({ showList });
      if (showList) void get().refreshList();
    },
  };
});

/** True when this window shows a dialog for the job (it started or resumed it). */
export function ownsJob(jobId: string): boolean {
  return useJobs.getState().dialogs.includes(jobId);
}
