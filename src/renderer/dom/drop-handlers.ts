import type { DragEvent as ReactDragEvent } from 'react';
import type { DropModifiers } from '../lib/drop-operation';
import { actions, store } from '../state';
import { desktop } from './desktop';
import { draggedFerryPaths, forgetDrag, hasFerryPaths, hasFiles, readFerryPaths, storedDragPaths, writeFerryPaths } from './dnd';
import { platform } from './platform';

/** The parts of a drag event (React's or the DOM's) that a drop on a folder reads. */
interface FolderDragEvent extends DropModifiers {
  dataTransfer: DataTransfer | null;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i]);

function keysOf(e: FolderDragEvent): DropModifiers {
  return { ctrlKey: e.ctrlKey, altKey: e.altKey, shiftKey: e.shiftKey, metaKey: e.metaKey };
}

/**
 * Rows start a drag of the selection. In the desktop app it becomes the system's own file drag, so that
 * other apps (Finder, a mail, an editor) receive the files; Ferry's windows receive it as files too.
 */
export function beginDrag(e: ReactDragEvent, paths: readonly string[]): void {
  writeFerryPaths(e.dataTransfer, paths);
  if (!desktop) return;
  e.preventDefault();
  void desktop.startDrag([...paths]).catch(() => undefined);
}

/** Whether a drop here means anything: Ferry's own drags carry paths; in the desktop app, files from other apps. */
export function acceptsDrop(e: FolderDragEvent): boolean {
  return hasFerryPaths(e.dataTransfer) || (desktop !== null && hasFiles(e.dataTransfer));
}

/**
 * The paths being dragged while they only hover: Ferry's drag's, or (desktop) the system drag Ferry began.
 * Empty for files from another app: their paths are known at the drop only, so they follow the rule for
 * an unknown file system (copy, unless a modifier forces a move) both before and at the drop.
 */
function hoveringPaths(dt: DataTransfer | null): string[] {
  return hasFerryPaths(dt) ? draggedFerryPaths(dt) : storedDragPaths();
}

/**
 * A drag hovers `folder` (the caller has accepted it): the store works out what a drop would do and says
 * it (dropHint); the cursor shows the same.
 */
export function hoverFolder(e: FolderDragEvent, folder: string): void {
  store.getState().hoverDrop(hoveringPaths(e.dataTransfer), folder, keysOf(e), platform);
  const hint = store.getState().dropHint;
  if (e.dataTransfer) e.dataTransfer.dropEffect = hint?.target === folder ? hint.operation : 'copy';
}

/** The drag left every folder of this window. */
export function leaveFolders(): void {
  store.getState().setDropTarget(null);
  store.getState().clearDropHint();
}

/** A drop on `folder`: moves or copies by Finder's rule, with the keys held at the drop. */
export function dropOnFolder(e: FolderDragEvent, folder: string): void {
  let sources = readFerryPaths(e.dataTransfer);
  // Files from the system's drag (desktop only): another app's, or Ferry's own drag handed to the system.
  let external = false;
  if (sources.length === 0 && desktop && e.dataTransfer) {
    const bridge = desktop;
    sources = Array.from(e.dataTransfer.files).map((f) => bridge.pathForFile(f)).filter((p) => p.length > 0);
    external = !same(sources, storedDragPaths());
    if (sources.length === 0) store.getState().showNotice('Those items have no place on disk to copy from', 'error');
  }
  const keys = keysOf(e);
  leaveFolders();
  forgetDrag();
  if (sources.length === 0) return;
  void store.getState().decideDrop(external ? [] : sources, folder, keys, platform)
    .then((operation) => actions.transferInto(sources, folder, operation));
}
