import { compareNames } from '../../shared/natural-order';
import { separatorOf } from './paths';

/**
 * What a person types in the path bar, made an absolute folder path: `~` and `~/x` are in the home folder,
 * anything not absolute is relative to the folder shown, and `.` / `..` steps are walked (as a shell
 * would, without following links). Null when nothing usable was typed.
 */
export function resolveTyped(typed: string, where: { current: string | null; home: string | null }): string | null {
  const text = typed.trim();
  if (!text) return null;
  let absolute: string;
  if (text === '~' || text.startsWith('~/')) {
    if (!where.home) return null;
    absolute = where.home + text.slice(1);
  } else if (isAbsolute(text)) {
    absolute = text;
  } else {
    if (!where.current) return null;
    absolute = `${where.current}${separatorOf(where.current)}${text}`;
  }
  return normalise(absolute);
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** Collapses separators, `.` and `..` (never above the root); no trailing separator except the root's. */
export function normalise(absolute: string): string {
  const sep = separatorOf(absolute);
  const drive = /^[A-Za-z]:/.exec(absolute)?.[0] ?? '';
  const rest = absolute.slice(drive.length);
  const parts: string[] = [];
  for (const part of rest.split(sep)) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${drive}${sep}${parts.join(sep)}`;
}

/** The folder whose entries complete the last part of `typed`, and that part ("/a/b/fo" → "/a/b", "fo"). */
export function splitForCompletion(typed: string, where: { current: string | null; home: string | null }): { folder: string; prefix: string } | null {
  const text = typed.trimStart();
  const sep = separatorOf(text.includes('/') || !where.current ? text : where.current);
  const at = text.lastIndexOf(sep);
  const prefix = text.slice(at + 1);
  const head = at < 0 ? '.' : text.slice(0, at + 1);
  const folder = resolveTyped(head, where);
  return folder === null ? null : { folder, prefix };
}

/**
 * Completes `prefix` among a folder's subfolder names, as a shell's Tab does: the one match whole (then a
 * separator follows), else the longest start all matches share. Matching minds case unless nothing matches
 * with it. Null when nothing matches or nothing would be added.
 */
export function completeName(prefix: string, folderNames: readonly string[]): { completion: string; unique: boolean } | null {
  const exact = folderNames.filter((n) => n.startsWith(prefix));
  const lower = prefix.toLowerCase();
  const matches = (exact.length > 0 ? exact : folderNames.filter((n) => n.toLowerCase().startsWith(lower))).slice().sort(compareNames);
  if (matches.length === 0) return null;
  if (matches.length === 1) return { completion: matches[0]!, unique: true };
  let shared = matches[0]!;
  for (const m of matches) {
    let i = 0;
    while (i < shared.length && i < m.length && shared[i] === m[i]) i++;
    shared = shared.slice(0, i);
  }
  return shared.length > prefix.length ? { completion: shared, unique: false } : null;
}
