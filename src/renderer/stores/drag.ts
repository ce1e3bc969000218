import { dropOperation, dropText, onSameFileSystem, type DropModifiers, type Platform } from '../lib/drop-operation';
import type { Operation } from '../lib/operation';
import { baseName } from '../lib/paths';
import { displayName } from '../../shared/display-name';
import type { Slice, StoreDeps } from './store';

/** What a drop on the hovered folder would do, said before the drop: "Move to “Backup”". */
export interface DropHint {
  /** The folder the drag hovers (a row's path, or the folder on screen for the list's background). */
  target: string;
  operation: Operation;
  text: string;
}

export interface DragSlice {
  /** Null while no drag hovers a folder, or while its file systems are still being asked. */
  dropHint: DropHint | null;
  /**
   * A drag of `sources` hovers `target` with these keys held: says what a drop would do (Finder's rule,
   * lib/drop-operation.ts). Cheap on every dragover: each target's file system is asked once per drag.
   * No sources: the rule for an unknown file system (copy unless a modifier forces a move).
   */
  hoverDrop(sources: readonly string[], target: string, keys: DropModifiers, platform: Platform): void;
  /** The drag left (or dropped): no hint. */
  clearDropHint(): void;
  /**
   * What a drop of `sources` on `target` with these keys does, waiting for the file systems if need be.
   * No sources (files from another app, whose place is not known before the drop): as across file systems.
   */
  decideDrop(sources: readonly string[], target: string, keys: DropModifiers, platform: Platform): Promise<Operation>;
}

/** Forced by a modifier, or undefined when the file systems decide. */
function forced(keys: DropModifiers, platform: Platform): Operation | undefined {
  const withSame = dropOperation(true, keys, platform);
  return withSame === dropOperation(false, keys, platform) ? withSame : undefined;
}

export const createDragSlice = ({ api }: StoreDeps): Slice<DragSlice> => (set, get) => {
  // Per drag (its sources), per target: whether they share a file system (null: unknown). Asked once each.
  let dragKey = '';
  /** The folder the drag hovers now, so that a late answer about a folder already left is not shown. */
  let hovering: string | null = null;
  const known = new Map<string, boolean | null>();
  const asked = new Map<string, Promise<boolean | null>>();

  function sameFileSystem(sources: readonly string[], target: string): Promise<boolean | null> {
    const key = sources.join('\0');
    if (key !== dragKey) { dragKey = key; known.clear(); asked.clear(); }
    let answer = asked.get(target);
    if (!answer) {
      answer = api.fileSystemIds({ paths: [...sources, target] })
        .then(onSameFileSystem, () => null)
        .then((same) => { if (dragKey === key) known.set(target, same); return same; });
      asked.set(target, answer);
    }
    return answer;
  }

  function show(target: string, operation: Operation): void {
    const current = get().dropHint;
    if (current?.target === target && current.operation === operation) return;
    set({ dropHint: { target, operation, text: dropText(operation, displayName(baseName(target))) } });
  }

  return {
    dropHint: null,

    hoverDrop(sources, target, keys, platform) {
      hovering = target;
      const operation = forced(keys, platform) ?? (sources.length === 0 ? dropOperation(null, keys, platform) : undefined);
      if (operation) { show(target, operation); return; }
      const key = sources.join('\0');
      if (key === dragKey && known.has(target)) { show(target, dropOperation(known.get(target)!, keys, platform)); return; }
      if (get().dropHint?.target !== target) set({ dropHint: null });
      void sameFileSystem(sources, target).then((same) => {
        // Still over that folder: say it now (the next dragover would too, but the pointer may be still).
        if (hovering === target) show(target, dropOperation(same, keys, platform));
      });
    },

    clearDropHint() {
      hovering = null;
      if (get().dropHint) set({ dropHint: null });
    },

    async decideDrop(sources, target, keys, platform) {
      if (sources.length === 0) return dropOperation(null, keys, platform);
      return forced(keys, platform) ?? dropOperation(await sameFileSystem(sources, target), keys, platform);
    },
  };
};
