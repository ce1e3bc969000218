import type { Operation } from './operation';

/** macOS, or Linux and Windows: their modifier keys differ (Finder's Option and Command, the others' Ctrl and Shift). */
export type Platform = 'mac' | 'other';

export interface DropModifiers { ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }

/**
 * Finder's rule for what a drop does: onto the same file system it moves, onto another it copies; a
 * modifier forces the other. Copy: Option on macOS, Ctrl on Linux and Windows. Move: Command on macOS, Shift
 * on Linux and Windows. Both at once copy (the choice that loses nothing). `sameFileSystem` is null while
 * the file systems are not known yet (or cannot be): that drop copies, as a drop across file systems would.
 */
export function dropOperation(sameFileSystem: boolean | null, keys: DropModifiers, platform: Platform): Operation {
  const forceCopy = platform === 'mac' ? keys.altKey : keys.ctrlKey;
  const forceMove = platform === 'mac' ? keys.metaKey : keys.shiftKey;
  if (forceCopy) return 'copy';
  if (forceMove) return 'move';
  return sameFileSystem === true ? 'move' : 'copy';
}

/**
 * Whether every source is on the target's file system, from the ids `fileSystemIds` answered for
 * [...sources, target]; null when one of them is unknown (a path gone or unreadable).
 */
export function onSameFileSystem(ids: readonly (string | null)[]): boolean | null {
  if (ids.length < 2 || ids.some((id) => id === null)) return null;
  const target = ids[ids.length - 1];
  return ids.every((id) => id === target);
}

/** The text a drop target shows and announces before the drop: "Move to “Backup”", "Copy to “Backup”". */
export function dropText(operation: Operation, targetName: string): string {
  return `${operation === 'move' ? 'Move' : 'Copy'} to “${targetName}”`;
}
