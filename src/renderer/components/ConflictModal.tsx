import { useEffect, useRef, useState } from 'react';
import type { Resolution } from '../../shared/types';
import { formatBytes, formatDate, plural } from '../lib/format';
import { baseName, parentOf } from '../lib/paths';
import { displayName } from '../../shared/display-name';
import { conflictRowLabels } from '../lib/conflict-labels';
import { store, useFerry } from '../state';

const ANSWERS: { resolution: Resolution; label: string }[] = [
  { resolution: 'skip', label: 'Skip' },
  { resolution: 'keep-both', label: 'Keep Both' },
  { resolution: 'replace', label: 'Replace' },
  { resolution: 'stop', label: 'Stop' },
];

function describe(kind: string | undefined, size: number): string {
  return kind === 'dir' ? 'Folder' : formatBytes(size);
}

/**
 * Asks about one conflict at a time (the others wait in the queue while the rest of the copy goes on).
 * Only conflicts of jobs this window started are asked here.
 */
export function ConflictModal() {
  const owned = useFerry((s) => s.dialogs);
  const queue = useFerry((s) => s.conflicts);
  const answering = useFerry((s) => s.answeringConflict);
  const error = useFerry((s) => s.conflictError);
  const [applyToAll, setApplyToAll] = useState(false);
  const firstButton = useRef<HTMLButtonElement>(null);
  const mine = queue.filter((c) => owned.includes(c.jobId));
  const conflict = mine[0];
  const expected = useFerry((s) => (conflict ? s.byId[conflict.jobId]?.expectedConflicts : undefined));

  useEffect(() => {
    setApplyToAll(false);
    if (conflict) firstButton.current?.focus();
  }, [conflict?.conflictId, conflict?.jobId]);

  if (!conflict) return null;
  const name = displayName(baseName(conflict.destination));
  const folder = displayName(baseName(parentOf(conflict.destination) ?? conflict.destination));
  const labels = conflictRowLabels(conflict);
  const others = mine.length - 1;

  return (
    <div className="modal-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" aria-describedby="conflict-body" className="conflict-modal">
        <h2 id="conflict-title">An item named “{name}” already exists in “{folder}”</h2>
        <div id="conflict-body">
          <p>Do you want to replace it with the one you are copying?</p>
          <table className="conflict-table">
            <thead><tr><th scope="col" /><th scope="col">Size</th><th scope="col">Modified</th></tr></thead>
            <tbody>
              <tr aria-label="Existing item">
                <th scope="row">{labels.existing}</th>
                <td>{describe(conflict.destKind, conflict.destSize)}</td>
                <td>{formatDate(conflict.destModified)}</td>
              </tr>
              <tr aria-label="Item being copied">
                <th scope="row">{labels.copying}</th>
                <td>{describe(conflict.sourceKind, conflict.sourceSize)}</td>
                <td>{formatDate(conflict.sourceModified)}</td>
              </tr>
            </tbody>
          </table>
          <p className="path" title={displayName(conflict.source)}>From {displayName(conflict.source)}</p>
          {others > 0 && <p className="more">{plural(others, 'more conflict')} waiting</p>}
          {expected !== undefined && expected > 1 && (
            <p className="more">{plural(expected, 'item')} of this copy already exist here</p>
          )}
        </div>
        {error && <p role="alert" className="error">{error}</p>}
        <label className="apply-all">
          <input type="checkbox" checked={applyToAll} onChange={(e) => setApplyToAll(e.target.checked)} />
          Apply to all
        </label>
        <div className="buttons">
          {ANSWERS.map((a, i) => (
            <button key={a.resolution} type="button" ref={i === 0 ? firstButton : undefined} disabled={answering}
              className={a.resolution === 'replace' ? 'primary' : undefined}
              onClick={() => void store.getState().answerConflict(conflict, a.resolution, applyToAll)}>
              {a.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
