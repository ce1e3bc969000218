import ignore, { type Ignore } from 'ignore';
import type { IndexRules } from '../../../shared/types';

/**
 * What the indexer leaves out of a location's index (docs/architecture.md §2), per location, every rule on by
 * default. Name rules are cheap and decided from the name alone; .gitignore rules are a stack of
 * matchers, one per .gitignore file met on the way down, each applying to its own folder's subtree.
 */

/**
 * Files and folders that operating systems create for themselves. Compared lower-cased: Windows and
 * macOS volumes are case-insensitive, so `THUMBS.DB` is the same file as `Thumbs.db`.
 */
export const SYSTEM_NAMES: ReadonlySet<string> = new Set([
  '.ds_store', '.appledouble', '.lsoverride', 'icon\r', '.spotlight-v100', '.trashes', '.fseventsd',
  '.temporaryitems', '.documentrevisions-v100', '.volumeicon.icns', '.com.apple.timemachine.donotpresent',
  'thumbs.db', 'thumbs.db:encryptable', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini', '$recycle.bin',
  'system volume information', '.directory', 'lost+found',
]);

/** AppleDouble companions (`._photo.jpg`) that macOS writes on non-HFS volumes; `.Trash-1000` is a
 * freedesktop trash folder on removable drives. */
const APPLE_DOUBLE_PREFIX = '._';

const TRASH_FOLDER = /^\.trash-\d+$/i;

export function isSystemName(name: string): boolean {
  if (SYSTEM_NAMES.has(name.toLowerCase())) return true;
  return name.charCodeAt(0) === 0x2e /* . */ && (name.startsWith(APPLE_DOUBLE_PREFIX) || TRASH_FOLDER.test(name));
}

/** True when the name rules alone leave this entry out. */
export function skippedByName(name: string, isDir: boolean, rules: IndexRules): boolean {
  if (rules.skipGit && name === '.git') return true; // a folder, or a file in a linked worktree
  if (rules.skipNodeModules && isDir && name === 'node_modules') return true;
  if (rules.skipSystemFiles && isSystemName(name)) return true;
  if (rules.skipHidden && name.startsWith('.')) return true;
  return false;
}

/** One .gitignore file: its patterns apply to paths relative to its folder (`dirRel`). */
export interface IgnoreLevel {
  dirRel: string;
  matcher: Ignore;
}

/** git compares case-sensitively unless the volume is case-insensitive (core.ignorecase). */
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

export function makeMatcher(patterns: string | readonly string[]): Ignore {
  return ignore({ ignorecase: IGNORE_CASE }).add(patterns);
}

/**
 * Whether the .gitignore stack excludes `rel` (relative to the location root). As in git, the
 * deepest .gitignore that has an opinion (a matching pattern or negation) decides, and within one file
 * the last matching pattern wins. Directories are tested with a trailing '/', so `build/` patterns
 * match folders only. The walker never descends into an excluded folder, so "a file cannot be
 * re-included if its parent folder is excluded" holds by construction.
 */
export function ignoredByGitignore(levels: readonly IgnoreLevel[], rel: string, isDir: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i]!;
    const local = level.dirRel === '' ? rel : rel.slice(level.dirRel.length + 1);
    const verdict = testLiterally(level.matcher, isDir ? `${local}/` : local);
    if (verdict.unignored) return false;
    if (verdict.ignored) return true;
  }
  return false;
}

interface Verdict { ignored: boolean; unignored: boolean }
interface RuleList { test?: (pathname: string, mode: string) => Verdict }

/**
 * The patterns of one file against `pathname` itself, as git checks each path while it walks.
 * `Ignore.test()` also tests every parent folder (and caches each answer: memory that grows with the
 * tree). Both are wrong here: the walk has already settled the parents, with every level's precedence,
 * and a parent that this file excludes but a deeper .gitignore re-includes (`sub/inner/` above,
 * `!inner/` in sub/) must not exclude its files. So the rule list (ignore 7's, pinned in package.json)
 * is asked directly; should a future version drop it, `test()` is the close fallback.
 */
function testLiterally(matcher: Ignore, pathname: string): Verdict {
  try {
    const rules = (matcher as unknown as { _rules?: RuleList })._rules;
    return typeof rules?.test === 'function' ? rules.test(pathname, 'regex') : matcher.test(pathname);
  } catch {
    // `ignore` throws on paths it considers invalid (never produced here): an odd name must not stop a walk.
    return { ignored: false, unignored: false };
  }
}

/**
 * The rules of one index run, ready for the walker: name rules, the `extraIgnores` patterns (relative
 * to the location root; they win over any .gitignore negation, since the user asked for them
 * explicitly), and whether .gitignore files are read.
 */
export class RuleSet {
  private readonly extra: Ignore | null;

  constructor(readonly rules: IndexRules) {
    const patterns = rules.extraIgnores.map((p) => p.trim()).filter((p) => p !== '');
    this.extra = patterns.length > 0 ? makeMatcher(patterns) : null;
  }

  get readsGitignore(): boolean {
    return this.rules.respectGitignore;
  }

  /** Whether the entry `name` at `rel` (root-relative) stays out of the index. */
  excludes(name: string, rel: string, isDir: boolean, levels: readonly IgnoreLevel[]): boolean {
    if (skippedByName(name, isDir, this.rules)) return true;
    if (this.extra && testLiterally(this.extra, isDir ? `${rel}/` : rel).ignored) return true;
    return levels.length > 0 && ignoredByGitignore(levels, rel, isDir);
  }
}
