/**
 * Index-friendly subtree bounds for `entries.relative_path` (docs/architecture.md §2).
 *
 * Everything strictly below directory `dir` (relative to a location root, '' for the root itself) has
 * relative_path equal to `dir` or starting with `dir + '/'`. Instead of an unescaped LIKE (wrong for
 * names with `%`, `_` or `\`, and not index-friendly), use the half-open range
 * [dir + '/', dir + '0'): '0' is the code unit right after '/', so every string with the prefix
 * `dir/` sorts inside it and nothing else does, whatever the rest of the name contains. SQLite compares
 * TEXT with memcmp on UTF-8 (BINARY collation), and '/' (0x2F) and '0' (0x30) are single bytes, so the
 * bound holds for any non-ASCII name too.
 */
export interface SubtreeBounds {
  /** relative_path of the direct children of `dir`. */
  exact: string;
  /** Lower bound (inclusive) of deeper descendants' relative_path. */
  from: string;
  /** Upper bound (exclusive). */
  to: string;
}

export function subtreeBounds(dir: string): SubtreeBounds {
  const exact = dir.replace(/\/+$/, '');
  return { exact, from: exact === '' ? '' : `${exact}/`, to: exact === '' ? '\u{10FFFF}' : `${exact}0` };
}

/**
 * SQL fragment matching entries under `dir` (direct children and deeper); binds :exact, :from, :to.
 * Written as ONE range [exact, to) plus a filter, not as `= :exact OR (range)`: SQLite cannot use the
 * index for an OR of two ranges on the second index column, and would read every row of the location.
 * The range holds the subtree and, between `exact` and `exact/`, only siblings named `exact` + a
 * character below '/' (`a b`, `a.`, `a-x`), which the filter drops.
 */
export const SUBTREE_WHERE =
  '(relative_path >= :exact AND relative_path < :to AND (relative_path = :exact OR relative_path >= :from))';

/** Joins a parent relative path and a name into a relative path. */
export function joinRel(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}

/** Splits a relative path 'a/b/c' into its parent 'a/b' and name 'c'. */
export function splitRel(rel: string): { parent: string; name: string } {
  const i = rel.lastIndexOf('/');
  return i < 0 ? { parent: '', name: rel } : { parent: rel.slice(0, i), name: rel.slice(i + 1) };
}
