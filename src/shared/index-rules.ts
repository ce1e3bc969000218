import { FerryError } from './errors';

/**
 * Indexing rules stored per location (docs/architecture.md §2), as plain data: the engine and the CLI read and
 * check them without loading the schema library (~0.1 s of a `ferry index`); types.ts builds the API's
 * schema for the same shape. Every rule is on by default.
 */
export interface IndexRules {
  skipGit: boolean;
  skipNodeModules: boolean;
  skipHidden: boolean;
  skipSystemFiles: boolean;
  respectGitignore: boolean;
  /** Extra glob patterns in .gitignore syntax, relative to the location root. */
  extraIgnores: string[];
}

const SWITCHES = ['skipGit', 'skipNodeModules', 'skipHidden', 'skipSystemFiles', 'respectGitignore'] as const;

export const DEFAULT_INDEX_RULES: Readonly<IndexRules> = Object.freeze({
  skipGit: true, skipNodeModules: true, skipHidden: true, skipSystemFiles: true, respectGitignore: true, extraIgnores: [],
});

/**
 * Complete rules from a partial set (missing rules at their defaults, unknown keys dropped). A rule of
 * the wrong type is an INVALID_INPUT error, never silently replaced.
 */
export function indexRulesFrom(value: unknown): IndexRules {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('Index rules must be an object');
  const given = value as Record<string, unknown>;
  const rules: IndexRules = { ...DEFAULT_INDEX_RULES, extraIgnores: [] };
  for (const key of SWITCHES) {
    const v = given[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') throw invalid(`Index rule ${key} must be true or false`);
    rules[key] = v;
  }
  const extra = given.extraIgnores;
  if (extra !== undefined) {
    if (!Array.isArray(extra) || !extra.every((p) => typeof p === 'string')) throw invalid('extraIgnores must be a list of patterns');
    rules.extraIgnores = [...extra];
  }
  return rules;
}

function invalid(message: string): FerryError {
  return new FerryError('INVALID_INPUT', message);
}
