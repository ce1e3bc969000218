import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryError, toErrorValue } from '../../../shared/errors';
import { fsPath, realpathExact } from '../fs/byte-names';

export interface ValidatedRequest {
  /** Absolute, normalised sources (not resolved through symlinks: a symlink SOURCE is copied as a link). */
  sources: string[];
  /** Absolute DEST as given (normalised). */
  destination: string;
}

/**
 * The refusals of docs/architecture.md §3, checked before anything is written or any job row exists: a missing
 * source, a missing DEST or one that is not a folder, DEST inside (or equal to) a SOURCE, a file
 * copied onto itself, two sources with the same name (they would land on the same path).
 * Paths are compared through realpath, so a symlinked DEST cannot smuggle a copy into its own source.
 * Paths may hold names that are not valid UTF-8 (escaped, see byte-names.ts): realpaths are exact too.
 */
export function validateCopyRequest(sources: string[], destination: string, cwd = process.cwd(), verb: 'copy' | 'move' = 'copy',
  options: { allowNone?: boolean } = {}): ValidatedRequest {
  if (sources.length === 0 && !options.allowNone) throw new FerryError('INVALID_INPUT', `Nothing to ${verb}: give at least one SOURCE`);
  const dest = path.resolve(cwd, destination);
  let destStat: fs.Stats;
  try {
    destStat = fs.statSync(fsPath(dest));
  } catch {
    throw new FerryError('DEST_NOT_FOUND', `The destination folder does not exist: ${dest}`, dest);
  }
  if (!destStat.isDirectory()) throw new FerryError('DEST_NOT_DIRECTORY', `The destination is not a folder: ${dest}`, dest);
  assertWritable(dest);
  const destReal = realpathExact(dest);

  const resolved = sources.map((s) => path.resolve(cwd, s));
  const names = new Map<string, string>();
  for (const source of resolved) {
    try {
      fs.lstatSync(fsPath(source));
    } catch {
      throw new FerryError('SOURCE_NOT_FOUND', `No such file or folder: ${source}`, source);
    }
    const name = path.basename(source);
    if (name === '' || source === path.parse(source).root) {
      throw new FerryError('INVALID_INPUT', `Cannot ${verb} a file system root: ${source}`, source);
    }
    const other = names.get(name);
    if (other !== undefined && other !== source) {
      throw new FerryError('INVALID_INPUT', `Two sources have the same name and would land on the same path: ${other} and ${source}`, source);
    }
    names.set(name, source);
    // The source's own location: its parent resolved, plus its name (a symlink source is not followed).
    const sourceReal = path.join(realpathExact(path.dirname(source)), name);
    if (path.dirname(sourceReal) === destReal) {
      throw new FerryError('SAME_FILE', verb === 'move'
        ? `${source} is already in ${dest}: there is nothing to move`
        : `${source} is already in ${dest}: a file cannot be copied onto itself`, source);
    }
    const st = fs.lstatSync(fsPath(source));
    if (st.isDirectory()) {
      const real = realpathExact(source);
      if (destReal === real || destReal.startsWith(real + path.sep)) {
        throw new FerryError('DEST_INSIDE_SOURCE', `The destination ${dest} is inside the folder being ${verb === 'move' ? 'moved' : 'copied'} (${source})`, dest);
      }
    }
  }
  return { sources: [...new Set(resolved)], destination: dest };
}

/**
 * A folder the user cannot write into would fail every file of the copy, one by one, after the job began
 * (pasting into / as a user). One access() per job: W_OK|X_OK is what creating a name there needs, and it
 * answers EROFS on a read-only mount even for root, whom permissions never stop.
 */
function assertWritable(dest: string): void {
  try {
    fs.accessSync(fsPath(dest), fs.constants.W_OK | fs.constants.X_OK);
  } catch (err) {
    const value = toErrorValue(err, dest, 'destination');
    throw new FerryError(value.code, value.message, dest);
  }
}
