import {
  decodeClipboardFiles, encodeClipboardFiles, encodeFileNameW, WIN_FILENAME, type ClipboardFiles, type ClipboardPlatform,
} from './clipboard-formats';
import { parseFileDropOutput, readFileDropCall, writeFileDropCall, type RunProgram } from './windows-file-drop';

/** The part of Electron's `clipboard` used here (structural: this file never imports electron, so Node tests load it). */
export interface ClipboardLike {
  writeBuffer(format: string, data: Buffer): void;
  readBuffer(format: string): Buffer;
  writeText(text: string): void;
}

export interface SystemClipboard {
  writeFiles(files: ClipboardFiles): Promise<void>;
  /** The files on the system clipboard (copied in Ferry, Finder, Explorer, GNOME Files, Dolphin…), or null. */
  readFiles(): Promise<ClipboardFiles | null>;
}

export function clipboardPlatform(platform: NodeJS.Platform): ClipboardPlatform {
  return platform === 'darwin' ? 'darwin' : platform === 'win32' ? 'win32' : 'linux';
}

/**
 * Files on Electron's clipboard. Electron 41's `writeBuffer` holds one custom format at a time (each call
 * replaces the clipboard; several at once arrive with Electron 44's ClipboardItems), so the first format
 * the platform's file manager reads is written: GNOME Files' `x-special/gnome-copied-files` (Nemo, Caja and
 * Thunar read it too), Finder's NSFilenamesPboardType.
 *
 * Windows: Explorer pastes a list of files from CF_HDROP, a predefined format `writeBuffer` cannot name (it
 * would register a new format of that name), and a cut from "Preferred DropEffect", a second format. So
 * they are written by PowerShell (windows-file-drop.ts, through `run`). One copied file goes first, at once,
 * to the shell's registered `FileNameW` (the technique Electron apps use, electron/electron#9035); if
 * PowerShell fails, several files stay on the clipboard as text, one a line. Reading: `FileNameW` is
 * there whenever Explorer copied files, so PowerShell is asked for the whole list only then.
 */
export function createSystemClipboard(board: ClipboardLike, platform: ClipboardPlatform, run?: RunProgram): SystemClipboard {
  const read = (format: string): Buffer | null => {
    try {
      const data = board.readBuffer(format);
      return data.length > 0 ? data : null;
    } catch {
      return null; // a format this platform's clipboard cannot name
    }
  };
  // Windows' writes run one after another: a quick second Copy must not be overtaken by the first's PowerShell.
  let writing: Promise<unknown> = Promise.resolve();
  return {
    async writeFiles(files) {
      if (platform !== 'win32') {
        const [first] = encodeClipboardFiles(platform, files);
        if (first) board.writeBuffer(first.format, first.data);
        return;
      }
      const [only, ...more] = files.paths;
      const write = async () => {
        if (only !== undefined && more.length === 0) board.writeBuffer(WIN_FILENAME, encodeFileNameW(only));
        else board.writeText(files.paths.join('\r\n'));
        if (run && (more.length > 0 || files.cut)) await run(writeFileDropCall(files)).catch(() => undefined); // what was written above stays
      };
      const turn = writing.then(write);
      writing = turn.catch(() => undefined);
      await turn;
    },
    async readFiles() {
      const local = decodeClipboardFiles(platform, read);
      if (platform !== 'win32' || !run || !local) return local;
      return parseFileDropOutput(await run(readFileDropCall()).catch(() => '')) ?? local;
    },
  };
}
