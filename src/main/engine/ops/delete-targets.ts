import * as path from 'node:path';

/**
 * Which of the paths a user asked to delete permanently are refused, and which are removed: pure, tested
 * as a table. `/`, the home folder and a location's root are refused (with why) before anything is
 * removed; a path inside another one asked for is dropped (its ancestor takes it), and duplicates once.
 */
export interface DeleteTargets {
  /** What to remove, in the order given, outermost only. */
  remove: string[];
  /** Set when the whole request is refused: nothing may be removed then. */
  refusal: string | null;
}

export interface DeleteGuards {
  home: string;
  /** The library's location roots (real paths). */
  locationRoots: readonly string[];
}

export function deleteTargets(paths: readonly string[], guards: DeleteGuards): DeleteTargets {
  const resolved = [...new Set(paths.map((p) => path.resolve(p)))];
  for (const p of resolved) {
    if (p === path.parse(p).root) return { remove: [], refusal: `Ferry never deletes the root folder ${p}.` };
    if (p === path.resolve(guards.home)) return { remove: [], refusal: `Ferry never deletes your home folder ${p}.` };
    if (guards.locationRoots.some((root) => path.resolve(root) === p)) {
      return { remove: [], refusal: `${p} is a location of the library: remove the location first (ferry locations --remove), then delete the folder.` };
    }
  }
  const remove = resolved.filter((p) => !resolved.some((other) => other !== p && isInside(other, p)));
  return { remove, refusal: null };
}

function isInside(folder: string, p: string): boolean {
  const rel = path.relative(folder, p);
  return rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel);
}
