import type { JobSummary } from '../../shared/types';
import { api } from '../api';
import { errorMessage } from '../api/client';
import { formatCount, formatDate, plural } from '../lib/format';
import { baseName } from '../lib/paths';
import { displayName } from '../../shared/display-name';
import { store, useFerry } from '../state';

const STATUS: Partial<Record<JobSummary['status'], string>> = { running: 'Deleting', completed: 'Done', cancelled: 'Stopped' };

/** "Delete “old”" or "Delete 3 items", from the job's saved paths. */
export function describeDelete(job: JobSummary): string {
  const paths = Array.isArray(job.config.paths) ? (job.config.paths as unknown[]).filter((p): p is string => typeof p === 'string') : [];
  return paths.length === 1 ? `Delete \u201c${displayName(baseName(paths[0]!))}\u201d` : `Delete ${plural(paths.length, 'item')}`;
}

/**
 * A permanent delete in the jobs list: its live count (from the job's events) while it runs, with Cancel,
 * which stops it between two items; how it ended afterwards (the saved row).
 */
export function DeleteJobItem({ job }: { job: JobSummary }) {
  const live = useFerry((s) => s.byId[job.id]);
  const label = describeDelete(job);
  const removed = live?.copiedFiles ?? (typeof job.progress?.copiedFiles === 'number' ? job.progress.copiedFiles : null);
  const total = live && live.totalFiles > 0 ? live.totalFiles : typeof job.progress?.totalFiles === 'number' ? job.progress.totalFiles : null;
  const running = job.status === 'running' && !live?.completed;
  return (
    <li aria-label={label} className={`job job-${job.status}`} data-job-id={job.id}>
      <div className="job-title">{label}</div>
      <div className="job-meta">
        <span className="status">{running ? 'Deleting' : STATUS[job.status] ?? job.status}</span>
        {removed !== null && <span>{formatCount(removed)}{total !== null ? ` of ${formatCount(total)}` : ''} items deleted</span>}
        <span>{formatDate(job.createdAt)}</span>
      </div>
      {job.error && <div className="error">{job.error}</div>}
      {running && (
        <button type="button" onClick={() => api.cancelJob({ jobId: job.id }).catch((err: unknown) => store.getState().showNotice(errorMessage(err), 'error'))}>
          Cancel
        </button>
      )}
    </li>
  );
}
