import { useEffect, useRef } from 'react';
import { displayName } from '../../shared/display-name';
import type { TrashedItem } from '../../shared/trash';
import { formatBytes, formatDate, plural } from '../lib/format';
import { baseName, parentOf } from '../lib/paths';
import { store, useFerry } from '../state';
import '../trash.css';

/**
 * The Trash: what is in every trash folder (name, original place, date deleted), with Restore, Delete
 * Permanently and Empty Trash. The destructive two ask first; a restore whose place is taken asks Keep
 * Both / Replace / Skip.
 */
export function TrashView() {
  const items = useFerry((s) => s.trash);
  const selected = useFerry((s) => s.trashSelected);
  const loading = useFerry((s) => s.trashLoading);
  const error = useFerry((s) => s.trashError);
  const chosen = items.filter((i) => selected.has(i.id)).map((i) => i.id);
  const state = store.getState;

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Delete' && chosen.length > 0) { e.preventDefault(); state().askDeleteForever(chosen); }
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      for (const i of items) if (!selected.has(i.id)) state().clickTrashed(i.id, true);
    }
  }

  return (
    <section className="trash-view" aria-label="Trash" onKeyDown={onKeyDown}>
      <header className="trash-bar">
        <h1>Trash</h1>
        <button type="button" disabled={chosen.length === 0} onClick={() => void state().restoreTrashed(chosen)}>Restore</button>
        <button type="button" disabled={chosen.length === 0} onClick={() => state().askDeleteForever(chosen)}>Delete Permanently</button>
        <button type="button" className="danger" disabled={items.length === 0} onClick={() => state().askEmptyTrash()}>Empty Trash</button>
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      {items.length === 0
        ? <p className="trash-empty">{loading ? 'Reading the Trash…' : 'The Trash is empty'}</p>
        : (
          <div className="trash-scroller">
            <table className="trash-table" aria-label="Trashed items" aria-multiselectable="true" role="grid">
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Original Place</th><th scope="col">Date Deleted</th><th scope="col" className="size">Size</th></tr>
              </thead>
              <tbody>
                {items.map((item) => <TrashRow key={item.id} item={item} selected={selected.has(item.id)} />)}
              </tbody>
            </table>
          </div>
        )}
      <RestoreQuestion />
      <TrashConfirmation />
    </section>
  );
}

function TrashRow({ item, selected }: { item: TrashedItem; selected: boolean }) {
  const place = parentOf(item.originalPath) ?? item.originalPath;
  return (
    <tr aria-label={displayName(item.name)} aria-selected={selected} className={selected ? 'selected' : undefined} tabIndex={0}
      onClick={(e) => store.getState().clickTrashed(item.id, e.ctrlKey || e.metaKey)}
      onDoubleClick={() => void store.getState().restoreTrashed([item.id])}
      onKeyDown={(e) => { if (e.key === ' ') { e.preventDefault(); store.getState().clickTrashed(item.id, e.ctrlKey || e.metaKey); } }}>
      <td className="name"><span className={`icon icon-${item.kind}`} aria-hidden="true" />{displayName(item.name)}</td>
      <td className="place" title={displayName(item.originalPath)}>{displayName(place)}</td>
      <td>{formatDate(item.deletedAt)}</td>
      <td className="size">{item.size === null ? '—' : formatBytes(item.size)}</td>
    </tr>
  );
}

/** Focus goes to the dialog's first button when it opens, as the conflict dialog does. */
function useFirstFocus(open: boolean) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (open) first.current?.focus(); }, [open]);
  return first;
}

function RestoreQuestion() {
  const ask = useFerry((s) => s.restoreAsk);
  const first = useFirstFocus(ask !== null);
  if (!ask) return null;
  const name = displayName(baseName(ask.paths[0]!));
  const folder = displayName(parentOf(ask.paths[0]!) ?? ask.paths[0]!);
  return (
    <div className="modal-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="restore-title" aria-describedby="restore-body" className="conflict-modal"
        onKeyDown={(e) => { if (e.key === 'Escape') void store.getState().answerRestore('skip'); }}>
        <h2 id="restore-title">An item named “{name}” already exists in “{folder}”</h2>
        <p id="restore-body">
          {ask.ids.length > 1 ? `${plural(ask.ids.length, 'item')} cannot go back to their places as they are. ` : ''}
          Keep Both restores beside it under a new name; Replace moves what is there to the Trash.
        </p>
        <div className="buttons">
          <button type="button" onClick={() => void store.getState().answerRestore('skip')}>Skip</button>
          <button type="button" onClick={() => void store.getState().answerRestore('replace')}>Replace</button>
          <button type="button" ref={first} className="primary" onClick={() => void store.getState().answerRestore('keep-both')}>Keep Both</button>
        </div>
      </div>
    </div>
  );
}

function TrashConfirmation() {
  const confirm = useFerry((s) => s.trashConfirm);
  const items = useFerry((s) => s.trash);
  const first = useFirstFocus(confirm !== null);
  if (!confirm) return null;
  let title: string;
  let action: string;
  if (confirm.kind === 'empty') {
    title = `Empty the Trash (${plural(items.length, 'item')})?`;
    action = 'Empty Trash';
  } else {
    const one = items.find((i) => i.id === confirm.ids[0]);
    title = confirm.ids.length === 1 && one ? `Delete “${displayName(one.name)}” permanently?` : `Delete ${plural(confirm.ids.length, 'item')} permanently?`;
    action = 'Delete Permanently';
  }
  return (
    <div className="modal-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="trash-confirm-title" aria-describedby="trash-confirm-body" className="conflict-modal"
        onKeyDown={(e) => { if (e.key === 'Escape') store.getState().cancelTrashConfirm(); }}>
        <h2 id="trash-confirm-title">{title}</h2>
        <p id="trash-confirm-body">This cannot be undone.</p>
        <div className="buttons">
          <button type="button" ref={first} onClick={() => store.getState().cancelTrashConfirm()}>Cancel</button>
          <button type="button" className="danger" onClick={() => void store.getState().confirmTrash()}>{action}</button>
        </div>
      </div>
    </div>
  );
}
