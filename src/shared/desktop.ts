import { z } from 'zod';

/**
 * What only the desktop app (Electron) does beyond the FerryApi: files on the system clipboard in the
 * platform's formats, and drags to and from other apps. The preload exposes it as `window.ferryDesktop`;
 * main validates every request (src/main/hosts/electron/desktop-ipc.ts). The browser host has none of it.
 */
export const IPC_DESKTOP = 'ferry:desktop';

const AbsolutePath = z.string().min(1).max(4096);
const Paths = z.array(AbsolutePath).min(1).max(100_000);

export const DesktopRequest = z.discriminatedUnion('op', [
  /** Copy or Cut: the files go on the system clipboard as Finder, Explorer and GNOME Files expect them. */
  z.object({ op: z.literal('writeClipboardFiles'), paths: Paths, cut: z.boolean() }),
  /** The files another app (or Ferry) put on the system clipboard, or null when it holds none. */
  z.object({ op: z.literal('readClipboardFiles') }),
  /** Drag these files out of the window as the system's own file drag (other apps receive files). */
  z.object({ op: z.literal('startDrag'), paths: Paths }),
]);
export type DesktopRequest = z.infer<typeof DesktopRequest>;

export interface ClipboardFileList { paths: string[]; cut: boolean }

export interface DesktopBridge {
  writeClipboardFiles(paths: string[], cut: boolean): Promise<void>;
  readClipboardFiles(): Promise<ClipboardFileList | null>;
  startDrag(paths: string[]): Promise<void>;
  /** The path of a file dropped from another app (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: object): string;
}
