import type { DropModifiers } from '../lib/drop-operation';
import { actions, store } from '../state';
import { draggedFerryPaths, hasFerryPaths, readFerryPaths } from './dnd';
import { platform } from './platform';

/** The parts of a drag event (React's or the DOM's) that a drop on a folder reads. */
interface FolderDragEvent extends DropModifiers {
  dataTransfer: DataTransfer | null;
}

function keysOf(e: FolderDragEvent): DropModifiers {
  return { ctrlKey: e.ctrlKey, altKey: e.altKey, shiftKey: e.shiftKey, metaKey: e.metaKey };
}

/** Whether a drop here means anything: Ferry's own drags carry paths. */
export function acceptsDrop(e: FolderDragEvent): boolean {
  return hasFerryPaths(e.dataTransfer);
}

/**
 * A drag hovers `folder` (the caller has accepted it): the store works out what a drop would do and says
 * it (dropHint); the cursor shows the same.
 */
export function hoverFolder(e: FolderDragEvent, folder: string): void {
  const sources = draggedFerryPaths(e.dataTransfer);
  const state = store.getState();
  if (sources.length > 0) state.hoverDrop(sources, folder, keysOf(e), platform);
  const hint = store.getState().dropHint;
  if (e.dataTransfer) e.dataTransfer.dropEffect = hint?.target === folder ? hint.operation : 'copy';
}

/** The drag left every folder of this window (or dropped). */
export function leaveFolders(): void {
  store.getState().setDropTarget(null);
  store.getState().clearDropHint();
}

/** A drop on `folder`: moves or copies by Finder's rule, with the keys held at the drop. */
export function dropOnFolder(e: FolderDragEvent, folder: string): void {
  const sources = readFerryPaths(e.dataTransfer);
  const keys = keysOf(e);
  leaveFolders();
  void store.getState().decideDrop(sources, folder, keys, platform)
    .then((operation) => actions.transferInto(sources, folder, operation));
}
