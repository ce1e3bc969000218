import type { FerryHandlers } from '../../../shared/api';
import { toErrorValue } from '../../../shared/errors';

/** The part of Electron's `shell` used here (the real one in the app; typed so this file type-checks alone). */
export interface TrashShell { trashItem(path: string): Promise<void> }

/**
 * macOS and Windows have a Trash (a Recycle Bin) of their own, which the freedesktop.org layout is not:
 * there the app moves items with Electron's `shell.trashItem`, and Finder or Explorer restores them. On
 * Linux the engine's own implementation stays (it lists and restores too, and agrees with GNOME's).
 */
export function withSystemTrash(handlers: FerryHandlers, shell: TrashShell, platform: NodeJS.Platform = process.platform): FerryHandlers {
  if (platform === 'linux') return handlers;
  return {
    ...handlers,
    trashItems: async ({ paths }) => {
      const failed: { path: string; code: string; message: string }[] = [];
      for (const p of paths) {
        try {
          await shell.trashItem(p);
        } catch (err) {
          const value = toErrorValue(err, p);
          failed.push({ path: p, code: value.code, message: value.message });
        }
      }
      // The system's Trash gives no entry back: nothing here can be restored by Ferry (Finder/Explorer can).
      return { items: [], failed };
    },
  };
}
