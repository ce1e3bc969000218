import type { JobSummary } from '../../shared/types';
import { formatCount, formatDate } from '../lib/format';
import { baseName } from '../lib/paths';
import { displayName } from '../../shared/display-name';
import { store, useFerry } from '../state';
import { isTransferJob, jobOperation, WORDS } from '../lib/operation';
import { DeleteJobItem } from './DeleteJobItem';

const STATUS: Record<JobSummary['status'], string> = {
  queued: 'Queued', waiting: 'Waiting', running: 'Copying', paused: 'Paused', completed: 'Done', failed: 'Failed',
  cancelled: 'Cancelled', interrupted: 'Interrupted',
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : []);

function describeJob(job: JobSummary): string {
  // A move's SOURCEs renamed whole before its job are kept apart from the ones it walks (config.renamed).
  const sources = [...strings(job.config.sources), ...strings(job.config.renamed)];
  const destination = typeof job.config.destination === 'string' ? job.config.destination : '';
  if (!isTransferJob(job)) return `${job.kind} job`;
  const noun = WORDS[jobOperation(job)].noun;
  const what = sources.length === 1 ? `“${displayName(baseName(sources[0]!))}”` : `${formatCount(sources.length)} items`;
  return destination ? `${noun} ${what} to “${displayName(baseName(destination))}”` : `${noun} ${what}`;
}

function describeProgress(job: JobSummary): string | null {
  const p = job.progress;
  if (!p || typeof p.copiedFiles !== 'number') return null;
  const total = typeof p.totalFiles === 'number' ? p.totalFiles : null;
  if (total === 0 && p.copiedFiles === 0) return null; // nothing walked file by file (a move done by renames)
  return total !== null ? `${formatCount(p.copiedFiles)} of ${formatCount(total)} files` : `${formatCount(p.copiedFiles)} files`;
}

/** Running, past and interrupted jobs; an interrupted one resumes with one click. */
export function JobsPanel() {
  const list = useFerry((s) => s.jobList);
  const loaded = useFerry((s) => s.jobListLoaded);
  return (
    <aside className="jobs-panel" role="region" aria-label="Jobs">
      <header>
        <h2>Jobs</h2>
        <button type="button" aria-label="Close jobs" onClick={() => store.getState().setShowJobs(false)}>×</button>
      </header>
      {loaded && list.length === 0 && <p className="empty">No jobs yet</p>}
      <ul aria-label="Job list">
        {list.map((job) => (job.kind === 'delete' ? <DeleteJobItem key={job.id} job={job} /> : <JobItem key={job.id} job={job} />))}
      </ul>
    </aside>
  );
}

function JobItem({ job }: { job: JobSummary }) {
  const label = describeJob(job);
  const progress = describeProgress(job);
  const destination = typeof job.config.destination === 'string' ? job.config.destination : '';
  return (
    <li aria-label={label} className={`job job-${job.status}`} data-job-id={job.id}>
      <div className="job-title">{label}</div>
      <div className="job-meta">
        <span className="status">{job.status === 'running' ? WORDS[jobOperation(job)].doing : STATUS[job.status]}</span>
        {progress && <span>{progress}</span>}
        <span>{formatDate(job.createdAt)}</span>
      </div>
      {job.error && <div className="error">{job.error}</div>}
      {job.status === 'interrupted' && (
        <button type="button" onClick={() => void store.getState().resumeJob(job.id, destination)}>Resume</button>
      )}
    </li>
  );
}
