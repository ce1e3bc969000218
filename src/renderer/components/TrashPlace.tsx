import { useState } from 'react';
import { hasFerryPaths, readFerryPaths } from '../dom/dnd';
import { store, trashActions, useFerry } from '../state';

/** The sidebar's "Trash": opens the Trash view; items dropped on it go to the Trash. */
export function TrashPlace() {
  const open = useFerry((s) => s.trashOpen);
  const [dropping, setDropping] = useState(false);

  function dragOver(e: React.DragEvent) {
    if (!hasFerryPaths(e.dataTransfer)) return;
    e.preventDefault();
    // A drop here moves: said as "move" where the drag allows it (a copy-only drag still drops).
    e.dataTransfer.dropEffect = /move|all/i.test(e.dataTransfer.effectAllowed) ? 'move' : 'copy';
    setDropping(true);
  }

  function drop(e: React.DragEvent) {
    setDropping(false);
    const paths = readFerryPaths(e.dataTransfer);
    if (paths.length === 0) return;
    e.preventDefault();
    void trashActions.moveToTrash(paths);
  }

  return (
    <li>
      <button type="button" className={`place trash-place${open ? ' active' : ''}${dropping ? ' drop-target' : ''}`}
        aria-current={open ? 'page' : undefined} title="Trash: drop items here to move them to the Trash"
        onClick={() => void store.getState().openTrash()}
        onDragEnter={dragOver} onDragOver={dragOver} onDragLeave={() => setDropping(false)} onDrop={drop}>
        Trash
      </button>
    </li>
  );
}
