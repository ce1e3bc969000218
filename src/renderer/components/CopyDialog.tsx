import { useState } from 'react';
import { api } from '../api';
import { errorMessage } from '../api/client';
import { copyDetail, copyTitle, doneLine, foundMoreText, preparingText, skipLines, waitingText } from '../lib/copy-text';
import { WORDS } from '../lib/operation';
import { plural } from '../lib/format';
import { baseName } from '../lib/paths';
import type { CopyView } from '../lib/copy-progress';
import { displayName } from '../../shared/display-name';
import { store, useFerry } from '../state';

/** One job's Finder-style dialog. Subscribes to its own job only: another job's tick does not re-render it. */
export function CopyDialog({ jobId }: { jobId: string }) {
  const view = useFerry((s) => s.byId[jobId]);
  if (!view) return null;
  const title = copyTitle(view);
  const headingId = `copy-title-${jobId}`;
  return (
    <section role="dialog" aria-label={title} className="copy-dialog" data-job-id={view.jobId}>
      <h2 id={headingId}>{title}</h2>
      {view.destination && <p className="subtitle">to “{baseName(view.destination)}”</p>}
      {view.phase === 'finished' ? <Summary view={view} /> : <Running view={view} />}
    </section>
  );
}

function useJobCall() {
  const [error, setError] = useState<string | null>(null);
  const run = (call: () => Promise<unknown>) => {
    setError(null);
    call().catch((err) => setError(errorMessage(err)));
  };
  return { error, run };
}

function Running({ view }: { view: CopyView }) {
  const { error, run } = useJobCall();
  const preparing = view.phase === 'preparing';
  const pending = view.jobId.startsWith('pending-');
  const percent = Math.round(view.shownFraction * 100);
  const found = waitingText(view) ?? foundMoreText(view);
  return (
    <>
      <div role="progressbar" aria-label={`${WORDS[view.operation].noun} progress`} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={percent} className={preparing ? 'bar indeterminate' : 'bar'}>
        <div className="bar-fill" style={{ width: `${preparing ? 100 : percent}%` }} />
      </div>
      <p className="detail" aria-live="off">{preparing ? preparingText(view) : copyDetail(view)}</p>
      {/* One line of fixed height for the passing state, so the buttons below never jump under the pointer. */}
      <p className={view.paused ? 'status-line paused' : 'status-line found-more'} aria-live="polite">
        {view.paused ? `Paused${view.pauseReason ? `: ${view.pauseReason}` : ''}` : found ?? '\u00a0'}
      </p>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="buttons">
        {view.paused
          ? <button type="button" disabled={pending} onClick={() => run(() => api.resumeJob({ jobId: view.jobId }))}>Resume</button>
          : <button type="button" disabled={pending} onClick={() => run(() => api.pauseJob({ jobId: view.jobId }))}>Pause</button>}
        <button type="button" disabled={pending} onClick={() => run(() => api.cancelJob({ jobId: view.jobId }))}>Cancel</button>
      </div>
    </>
  );
}

function Summary({ view }: { view: CopyView }) {
  const jobs = store.getState();
  const done = view.completed;
  const skipped = skipLines(view);
  return (
    <>
      {view.startError && <p role="alert" className="error">{view.startError}</p>}
      {done && (
        <ul className="summary">
          <li>{doneLine(view)}</li>
          {done.discoveredFiles > 0 && <li>{plural(done.discoveredFiles, 'item')} found while {WORDS[view.operation].doing.toLowerCase()} (not in the index)</li>}
          {skipped.map((line) => <li key={line}>{line}</li>)}
          {done.failedFiles > 0 && <li className="error">{plural(done.failedFiles, 'item')} failed</li>}
          {done.message && <li className="error">{done.message}</li>}
        </ul>
      )}
      {view.failures.length > 0 && (
        <details className="failures" open={view.failures.length <= 5}>
          <summary>Why they failed</summary>
          <ul aria-label="Failed items">
            {view.failures.map((f) => <li key={f.path}><code>{displayName(f.path)}</code>: {f.message}</li>)}
          </ul>
        </details>
      )}
      <div className="buttons">
        {done?.status === 'interrupted' && (
          <button type="button" onClick={() => void jobs.resumeJob(view.jobId, view.destination)}>Resume</button>
        )}
        {done && done.failedFiles > 0 && (
          <button type="button" onClick={() => { jobs.closeDialog(view.jobId); void jobs.retryFailed(view.jobId); }}>Retry failed</button>
        )}
        <button type="button" onClick={() => jobs.closeDialog(view.jobId)}>Close</button>
      </div>
    </>
  );
}

/** Dialogs stack like Finder's copy window: one section per job, newest at the bottom. */
export function CopyDialogs() {
  const dialogs = useFerry((s) => s.dialogs);
  if (dialogs.length === 0) return null;
  return <div className="copy-dialogs">{dialogs.map((id) => <CopyDialog key={id} jobId={id} />)}</div>;
}
