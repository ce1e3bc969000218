/**
 * The overwrite modes (docs/architecture.md §3), as plain data: the CLI checks `--overwrite` against this list
 * without loading the schema library (types.ts builds the OverwriteMode schema from it).
 */
export const OVERWRITE_MODES = ['skip', 'replace', 'prompt', 'skip-newer', 'keep-both'] as const;

export function isOverwriteMode(value: string): value is (typeof OVERWRITE_MODES)[number] {
  return (OVERWRITE_MODES as readonly string[]).includes(value);
}
