import * as fs from 'node:fs';
import { fsPath } from './byte-names';

/**
 * lstat of every path, at most `limit` pending, results in the order of `paths`. Callback style on
 * purpose: for 100k entries a promise per call costs about as much as the system calls themselves.
 */
export function lstatAll(paths: readonly string[], limit: number): Promise<Array<fs.Stats | NodeJS.ErrnoException>> {
  const results = new Array<fs.Stats | NodeJS.ErrnoException>(paths.length);
  if (paths.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    let next = 0;
    let finished = 0;
    const startNext = (): void => {
      const i = next++;
      if (i >= paths.length) return;
      fs.lstat(fsPath(paths[i]!), (err, st) => {
        results[i] = err ?? st;
        if (++finished === paths.length) resolve(results);
        else startNext();
      });
    };
    for (let k = 0; k < Math.min(limit, paths.length); k++) startNext();
  });
}
