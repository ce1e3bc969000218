import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Place } from '../../../shared/types';

/** The sidebar's common places in order, with the XDG user-dirs key that may relocate each one. */
const COMMON: ReadonlyArray<{ name: string; xdg: string | null; folders: string[] }> = [
  { name: 'Desktop', xdg: 'XDG_DESKTOP_DIR', folders: ['Desktop'] },
  { name: 'Documents', xdg: 'XDG_DOCUMENTS_DIR', folders: ['Documents'] },
  { name: 'Downloads', xdg: 'XDG_DOWNLOAD_DIR', folders: ['Downloads'] },
  { name: 'Music', xdg: 'XDG_MUSIC_DIR', folders: ['Music'] },
  { name: 'Pictures', xdg: 'XDG_PICTURES_DIR', folders: ['Pictures'] },
  // macOS calls it Movies.
  { name: 'Videos', xdg: 'XDG_VIDEOS_DIR', folders: ['Videos', 'Movies'] },
];

export interface PlacesOptions {
  home?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Home, then Desktop, Documents, Downloads, Music, Pictures, Videos where they exist (relocated or
 * renamed through ~/.config/user-dirs.dirs on Linux), then the file-system root.
 */
export function places(options: PlacesOptions = {}): { home: string; places: Place[] } {
  const env = options.env ?? process.env;
  const home = path.resolve(options.home ?? os.homedir());
  const xdg = readUserDirs(home, env);
  const found: Place[] = [{ name: 'Home', path: home }];
  for (const place of COMMON) {
    const candidates = place.xdg && xdg[place.xdg] ? [xdg[place.xdg]!] : place.folders.map((f) => path.join(home, f));
    // user-dirs.dirs points a disabled folder at $HOME itself: that is not a separate place.
    const dir = candidates.find((c) => c !== home && isDirectory(c));
    if (dir) found.push({ name: place.name, path: dir });
  }
  found.push({ name: 'File System', path: path.parse(home).root });
  return { home, places: found };
}

/** Parses `XDG_DESKTOP_DIR="$HOME/Desktop"` lines (the format xdg-user-dirs writes). */
export function readUserDirs(home: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
    ? env.XDG_CONFIG_HOME
    : path.join(home, '.config');
  let text: string;
  try {
    text = fs.readFileSync(path.join(configHome, 'user-dirs.dirs'), 'utf8');
  } catch {
    return {};
  }
  const dirs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*(XDG_[A-Z]+_DIR)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
    if (!m) continue;
    const raw = m[2]!.replace(/\\(.)/g, '$1');
    const value = raw.startsWith('$HOME') ? path.join(home, raw.slice('$HOME'.length)) : raw;
    if (path.isAbsolute(value)) dirs[m[1]!] = path.resolve(value);
  }
  return dirs;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
