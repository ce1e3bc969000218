import { useEffect, useRef } from 'react';
import { deleteQuestion } from '../stores/file-op-actions';
import { fileOps, store, useFerry } from '../state';

/**
 * Shift+Delete's question, naming what goes ("Delete “a.txt” and 2 other items permanently?"). Cancel has
 * the focus, so a second Enter never deletes by accident; Esc cancels.
 */
export function DeleteConfirm() {
  const deleting = useFerry((s) => s.deleting);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (deleting) cancel.current?.focus();
  }, [deleting]);

  if (!deleting) return null;
  const close = () => store.getState().closeDelete();
  return (
    <div className="modal-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="delete-title" aria-describedby="delete-body" className="conflict-modal"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); } }}>
        <h2 id="delete-title">{deleteQuestion(deleting.paths)}</h2>
        <p id="delete-body">{deleting.paths.length === 1 ? 'It' : 'They'} will be deleted at once, not moved to the Trash. This cannot be undone.</p>
        <div className="buttons">
          <button type="button" ref={cancel} onClick={close}>Cancel</button>
          <button type="button" className="danger" onClick={() => void fileOps.confirmDelete()}>Delete</button>
        </div>
      </div>
    </div>
  );
}
