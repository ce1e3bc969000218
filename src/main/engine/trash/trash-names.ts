import { encodeName } from '../fs/byte-names';
import { numberedName, NAME_MAX_BYTES } from '../copy/keep-both-name';

/**
 * The names an item may take in a trash's `files/`, in the order they are tried: its own name, then
 * `name 2.ext`, `name 3.ext`… (pure). Each leaves room for `.trashinfo` in `info/`, so a name near the
 * 255-byte limit is shortened (whole characters) rather than refused.
 */
const INFO_SUFFIX = '.trashinfo';
const MAX = NAME_MAX_BYTES - INFO_SUFFIX.length;

export function* trashNameCandidates(name: string): Generator<string> {
  if (encodeName(name).length <= MAX) yield name;
  for (let n = 2; ; n++) yield numberedName(name, n, MAX);
}

export function infoNameOf(name: string): string {
  return `${name}${INFO_SUFFIX}`;
}

/** The trashed name an info file is about, or null when the file is not a `.trashinfo`. */
export function nameOfInfo(infoName: string): string | null {
  return infoName.endsWith(INFO_SUFFIX) && infoName.length > INFO_SUFFIX.length ? infoName.slice(0, -INFO_SUFFIX.length) : null;
}
