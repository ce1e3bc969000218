import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../api';
import { WORDS, type Operation } from '../lib/operation';
import { actions, store, useFerry } from '../state';
import { chooseTransferFolder, transferToTitle } from '../stores/transfer-to';
import { completeFolderPath } from './PathBar';

/**
 * "Move to…" and "Copy to…" (the context menu): a folder typed as in the path bar (`~`, relative paths, Tab
 * completes), checked before anything starts; then the same move or copy as a paste into that folder.
 */
export function TransferToDialog() {
  const transfer = useFerry((s) => s.transferTo);
  if (!transfer) return null;
  return <TransferToPanel key={transfer.paths.join('\0')} operation={transfer.operation} paths={transfer.paths} />;
}

function TransferToPanel({ operation, paths }: { operation: Operation; paths: string[] }) {
  const [typed, setTyped] = useState(() => store.getState().path ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const close = () => store.getState().closeTransferTo();
  const where = () => ({ current: store.getState().path, home: store.getState().home });

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    return () => document.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const chosen = await chooseTransferFolder(api, typed, where());
    setBusy(false);
    if ('error' in chosen) { setError(chosen.error); return; }
    close();
    if (operation === 'move') void actions.moveInto(paths, chosen.folder);
    else actions.copyInto(paths, chosen.folder);
  }

  async function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const completed = await completeFolderPath(typed, where());
    if (completed !== null) setTyped(completed);
  }

  return (
    <div className="modal-backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby="transfer-to-title" className="conflict-modal transfer-to"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          // The window's shortcuts (Delete, F2, Ctrl+Z…) are not for the list behind the dialog.
          e.stopPropagation();
          if (e.key === 'Escape') { e.preventDefault(); close(); }
        }}>
        <h2 id="transfer-to-title">{transferToTitle(operation, paths)}</h2>
        <input ref={input} type="text" aria-label="Folder" value={typed} spellCheck={false} autoComplete="off"
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'transfer-to-error' : undefined}
          onChange={(e) => { setTyped(e.target.value); setError(null); }} onKeyDown={(e) => void onKeyDown(e)} />
        {error && <p id="transfer-to-error" role="alert" className="path-error">{error}</p>}
        <div className="buttons">
          <button type="button" onClick={close}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>{WORDS[operation].noun}</button>
        </div>
      </form>
    </div>
  );
}
