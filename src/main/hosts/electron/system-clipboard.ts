import {
  decodeClipboardFiles, encodeClipboardFiles, encodeFileNameW, WIN_FILENAME, type ClipboardFiles, type ClipboardPlatform,
} from './clipboard-formats';

/** The part of Electron's `clipboard` used here (structural: this file never imports electron, so Node tests load it). */
export interface ClipboardLike {
  writeBuffer(format: string, data: Buffer): void;
  readBuffer(format: string): Buffer;
  writeText(text: string): void;
}

export interface SystemClipboard {
  writeFiles(files: ClipboardFiles): void;
  /** The files on the system clipboard (copied in Ferry, Finder, Explorer, GNOME Files, Dolphin…), or null. */
  readFiles(): ClipboardFiles | null;
}

export function clipboardPlatform(platform: NodeJS.Platform): ClipboardPlatform {
  return platform === 'darwin' ? 'darwin' : platform === 'win32' ? 'win32' : 'linux';
}

/**
 * Files on Electron's clipboard. Electron 41's `writeBuffer` holds one custom format at a time (each call
 * replaces the clipboard; several at once arrive with Electron 44's ClipboardItems), so the first format
 * the platform's file manager reads is written: GNOME Files' `x-special/gnome-copied-files` (Nemo, Caja and
 * Thunar read it too), Finder's NSFilenamesPboardType. Windows' CF_HDROP is a predefined format that
 * `writeBuffer` cannot name (it would register a new format of that name). But `writeBuffer` registers a
 * format by its name, and the shell's `FileNameW` is such a registered format: one file goes there (the
 * technique Electron apps use, electron/electron#9035; Explorer is reported to paste it). It holds one path
 * only, so several files go as text, one a line (a list of files needs CF_HDROP: a native module). Neither
 * carries a cut ("Preferred DropEffect" would be a second format): Explorer pastes a copy. Reading tries
 * every format the platform's file managers write.
 */
export function createSystemClipboard(board: ClipboardLike, platform: ClipboardPlatform): SystemClipboard {
  return {
    writeFiles(files) {
      if (platform === 'win32') {
        const [only, ...more] = files.paths;
        if (only !== undefined && more.length === 0) board.writeBuffer(WIN_FILENAME, encodeFileNameW(only));
        else board.writeText(files.paths.join('\r\n'));
        return;
      }
      const [first] = encodeClipboardFiles(platform, files);
      if (first) board.writeBuffer(first.format, first.data);
    },
    readFiles() {
      return decodeClipboardFiles(platform, (format) => {
        try {
          const data = board.readBuffer(format);
          return data.length > 0 ? data : null;
        } catch {
          return null; // a format this platform's clipboard cannot name
        }
      });
    },
  };
}
